/* Copy buttons: enhances each [data-module="vgr-copy"] button, which copies
   its data-copy text to the clipboard and says so for a moment.
   DOM contract (written by templates/widgets/link_row.html):
     data-copy     the text to copy
     data-copied   what the button says when it worked
     data-failed   what it says when it did not
   The button is marked data-js: it is not shown where scripts do not run.

   This file is the site's one way to copy. Another script copies with
     const detail = { text, done };
     document.dispatchEvent(new CustomEvent("vgr:copy", { detail }));
   done(ok) is called once it worked or not; detail.taken is true when this
   file is there to do it. */
(function () {
  "use strict";

  /** How long the button says "Kopierad" before it reads as before. */
  var RESET_MS = 2500;

  /** Copy text; resolves true when it worked (Clipboard API, else a fallback). */
  function copyText(text) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      area.remove();
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return Promise.resolve(fallback());
  }

  class Copy {
    constructor(button) {
      this.button = button;
      this.text = button.getAttribute("data-copy");
      this.strings = {
        label: button.textContent,
        copied: button.getAttribute("data-copied"),
        failed: button.getAttribute("data-failed"),
      };
      if (!this.text || !this.strings.copied || !this.strings.failed) {
        throw new Error("Copy: data-copy, data-copied or data-failed is missing");
      }
      this.timer = 0;
      button.addEventListener("click", this.copy.bind(this));
    }

    copy() {
      var self = this;
      return copyText(this.text).then(function (ok) {
        self.button.textContent = ok ? self.strings.copied : self.strings.failed;
        clearTimeout(self.timer);
        self.timer = setTimeout(function () { self.button.textContent = self.strings.label; }, RESET_MS);
      });
    }

    destroy() {
      clearTimeout(this.timer);
    }
  }

  document.addEventListener("vgr:copy", function (event) {
    var detail = event.detail;
    if (!detail || detail.taken) return;
    detail.taken = true;
    copyText(String(detail.text)).then(detail.done);
  });

  function define() { document.dispatchEvent(new CustomEvent("vgr:define",
    { detail: { module: "vgr-copy", Component: Copy } })); }
  define(); document.addEventListener("vgr:boot", define);
})();
