/* Focus in view (WCAG 2.4.11). Material's header is sticky, and so is any
   element marked data-covers-focus (the checklist's status bar). Chromium's
   own focus scrolling counts a control half under them as visible, so a
   keyboard user could not see where focus went. On each focus change in the
   page's content, this scrolls the focused element clear of them. No
   component to start: one listener on the document, for every page. */
(function () {
  "use strict";

  /** Space left between the focused element and what covers it, in px. */
  var ROOM = 16;

  function reveal(event) {
    var el = event.target;
    if (!(el instanceof Element) || !el.closest(".md-content")) return;
    var r = el.getBoundingClientRect();
    var covers = document.querySelectorAll("[data-covers-focus]");
    for (var i = 0; i < covers.length; i++) {
      if (covers[i].contains(el)) return;
      var c = covers[i].getBoundingClientRect();
      if (r.bottom > c.top && r.top < c.bottom) {
        window.scrollBy(0, r.bottom - c.top + ROOM);
        return;
      }
    }
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (r.top < top) window.scrollBy(0, r.top - top - ROOM);
  }

  document.addEventListener("focusin", reveal);
})();
