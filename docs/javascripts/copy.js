/* Copy to clipboard: window.vgrCopyText(text) for other scripts, and buttons
   marked [data-copy="text"] that copy their text and say so. */
(function () {
  "use strict";

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
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return Promise.resolve(fallback());
  }
  window.vgrCopyText = copyText;

  /** Show copy buttons and give each a polite confirmation. */
  function start() {
    document.querySelectorAll("button[data-copy]:not([data-ready])").forEach(function (btn) {
      btn.setAttribute("data-ready", "");
      btn.hidden = false;
      btn.addEventListener("click", function () {
        copyText(btn.getAttribute("data-copy")).then(function (ok) {
          btn.textContent = ok ? "Kopierad" : "Kunde inte kopiera";
          setTimeout(function () { btn.textContent = "Kopiera"; }, 2500);
        });
      });
    });
  }

  /* Start now, and again after each instant navigation (Material's document$;
     it does not emit for a copy opened from file://). Init guards stop doubles. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
