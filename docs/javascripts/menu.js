/* Header menu button. Material opens its navigation drawer with a <label>,
   which Tab skips and which may not take a button role: on narrow screens
   keyboard users could not reach the navigation. Put a real button in its
   place: it opens the drawer and moves focus into it; Escape closes it and
   returns focus to the button. */
(function () {
  "use strict";

  /** Replace the menu label once (the header survives instant navigation). */
  function start() {
    var label = document.querySelector("label.md-header__button[for='__drawer']");
    var toggle = document.getElementById("__drawer");
    if (!label || !toggle || label.hasAttribute("data-ready")) return;
    label.setAttribute("data-ready", "");

    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon vgr-menu-button";
    button.setAttribute("aria-label", "Meny");
    button.setAttribute("aria-controls", "__drawer");
    button.innerHTML = label.innerHTML; /* the theme's own icon, not user data */
    label.parentNode.insertBefore(button, label);
    label.style.display = "none";

    function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }

    button.addEventListener("click", function () {
      toggle.click();
      var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (toggle.checked && first) setTimeout(function () { first.focus(); }, 300);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.checked) { toggle.click(); button.focus(); }
    });
    toggle.addEventListener("change", sync);
    sync();
  }

  /* Start now, and again after each instant navigation (Material's document$;
     it does not emit for a copy opened from file://). Init guards stop doubles. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
