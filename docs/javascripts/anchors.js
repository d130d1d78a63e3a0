/* In-page links in the checklist jump without Material's instant navigation.
   Material takes every link to a page of the site, an in-page "#id" too:
   its first such jump re-renders the page's content (a new checklist), and
   under load it could put back the scroll position it saved before the
   click, so the field a link names stayed out of view. Here the jump is
   this file's: the address gets the "#id" (pushState, which Material does
   not hear), the target scrolls into view and takes focus, as GOV.UK's
   error summary does. One listener for every page,
   before Material's (capture); links elsewhere are left to Material. */
(function () {
  "use strict";

  /** Where the links are that this file takes over. */
  var SCOPE = '[data-module="vgr-checklist"]';
  var FIELD = "input, textarea, select, button";

  function jump(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    /* Material writes every link's address in full: an in-page link is one
       to this very page with a "#id". */
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || !link.closest(SCOPE) || !link.hash || link.target) return;
    if (link.origin !== location.origin || link.pathname !== location.pathname) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (location.hash !== link.hash) history.pushState(null, "", link.hash);
    target.scrollIntoView({ block: "start" });
    /* Focus follows, as the browser's own jump moves where Tab goes next: a
       field takes it (focus.js then keeps it clear of the header and the
       status bar); a question takes it for a moment without a Tab stop. */
    if (!target.matches(FIELD) && !target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  document.addEventListener("click", jump, true);
})();
