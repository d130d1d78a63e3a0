/* Header menu button. Material opens its navigation drawer with a <label>,
   which Tab skips and which may not take a button role: on narrow screens
   keyboard users could not reach the navigation. This puts a real button in
   its place: it opens the drawer and moves focus into it; Escape closes it
   and returns focus to the button.
   DOM contract: the build marks Material's drawer label
   (label.md-header__button[for]) with data-module="vgr-menu"
   (hooks/theme_fixes.py); its "for" names the drawer's checkbox.
   The header survives instant navigation, so the button is made once. */
(function () {
  "use strict";

  class Menu {
    constructor(label, options) {
      this.strings = { button: "Meny" };
      this.label = label;
      this.toggle = document.getElementById(label.htmlFor);
      if (!this.toggle) throw new Error("Menu: no drawer checkbox with id " + label.htmlFor);

      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-header__button md-icon vgr-menu-button";
      button.setAttribute("aria-label", this.strings.button);
      button.setAttribute("aria-controls", this.toggle.id);
      button.innerHTML = label.innerHTML; /* the theme's own icon, not user data */
      label.parentNode.insertBefore(button, label);
      label.style.display = "none";
      this.button = button;

      button.addEventListener("click", this.onClick.bind(this));
      this.toggle.addEventListener("change", this.sync.bind(this), { signal: options.signal });
      document.addEventListener("keydown", this.onKey.bind(this), { signal: options.signal });
      this.sync();
    }

    sync() {
      this.button.setAttribute("aria-expanded", String(this.toggle.checked));
    }

    /** Open or close the drawer; once open, focus its first link (after the slide). */
    onClick() {
      this.toggle.click();
      var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (this.toggle.checked && first) setTimeout(function () { first.focus(); }, 300);
    }

    onKey(event) {
      if (event.key === "Escape" && this.toggle.checked) {
        this.toggle.click();
        this.button.focus();
      }
    }

    destroy() {
      this.button.remove();
      this.label.style.display = "";
    }
  }

  function define() { document.dispatchEvent(new CustomEvent("vgr:define",
    { detail: { module: "vgr-menu", Component: Menu } })); }
  define(); document.addEventListener("vgr:boot", define);
})();
