/* Presentation mode: enhances [data-module="vgr-presentation"], a list of
   scenes that reads as an article, with a full-screen mode that shows one
   scene at a time. No autoplay. Keys: arrows, Page Up/Down, Home, End, Esc. */
(function () {
  "use strict";
  /* Instant navigation runs this file again on each visit: start only once. */
  if (window.vgrPresentationLoaded) return;
  window.vgrPresentationLoaded = true;

  /** Enhance one presentation element. */
  function init(root) {
    if (root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var scenes = Array.prototype.slice.call(root.querySelectorAll("[data-scene]"));
    var bar = root.querySelector("[data-bar]");
    var count = root.querySelector("[data-count]");
    var startBtn = root.querySelector("[data-action='start']");
    var index = 0;
    var active = false;

    root.querySelectorAll("[data-js]").forEach(function (el) { el.hidden = false; });
    scenes.forEach(function (s) { s.tabIndex = -1; });

    /** Show scene i (clamped); move focus to it when asked. */
    function show(i, focus) {
      index = Math.max(0, Math.min(scenes.length - 1, i));
      scenes.forEach(function (s, n) { s.hidden = n !== index; });
      count.textContent = "Scen " + (index + 1) + " av " + scenes.length;
      root.querySelector("[data-action='prev']").setAttribute("aria-disabled", String(index === 0));
      root.querySelector("[data-action='next']").setAttribute("aria-disabled", String(index === scenes.length - 1));
      if (focus) scenes[index].focus();
    }

    /** Enter presentation mode at the first scene. */
    function start() {
      active = true;
      root.classList.add("is-presenting");
      root.setAttribute("role", "dialog");
      root.setAttribute("aria-modal", "true");
      root.setAttribute("aria-label", "Bildspel: " + root.getAttribute("data-title"));
      bar.hidden = false;
      document.addEventListener("keydown", onKey);
      document.addEventListener("fullscreenchange", onFullscreen);
      if (root.requestFullscreen) root.requestFullscreen().catch(function () { /* overlay only */ });
      show(0, true);
    }

    /** Leave presentation mode; focus returns to the start button. */
    function stop() {
      if (!active) return;
      active = false;
      root.classList.remove("is-presenting");
      ["role", "aria-modal", "aria-label"].forEach(function (a) { root.removeAttribute(a); });
      bar.hidden = true;
      scenes.forEach(function (s) { s.hidden = false; });
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
      if (document.fullscreenElement === root) document.exitFullscreen().catch(function () {});
      startBtn.focus();
    }

    /** Esc in full screen is taken by the browser: leaving it ends the show. */
    function onFullscreen() {
      if (!document.fullscreenElement) stop();
    }

    /** Keyboard control while presenting; Tab stays inside the presentation. */
    function onKey(e) {
      if (!root.isConnected) { document.removeEventListener("keydown", onKey); return; }
      var onButton = e.target.tagName === "BUTTON";
      var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
      if (e.key === "Escape") { e.preventDefault(); stop(); }
      else if (moves[e.key]) { e.preventDefault(); show(index + moves[e.key], !onButton); }
      else if (e.key === " " && !onButton) { e.preventDefault(); show(index + 1, true); }
      else if (e.key === "Home") { e.preventDefault(); show(0, !onButton); }
      else if (e.key === "End") { e.preventDefault(); show(scenes.length - 1, !onButton); }
      else if (e.key === "Tab") {
        var stops = Array.prototype.slice.call(bar.querySelectorAll("button"));
        var at = stops.indexOf(document.activeElement);
        e.preventDefault();
        var next = at < 0 ? (e.shiftKey ? stops.length - 1 : 0) : (at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length;
        stops[next].focus();
      }
    }

    root.addEventListener("click", function (e) {
      var btn = e.target.closest("[data-action]");
      if (!btn) return;
      var action = btn.getAttribute("data-action");
      if (action === "start") start();
      else if (action === "close") stop();
      else if (btn.getAttribute("aria-disabled") !== "true") show(index + (action === "next" ? 1 : -1), false);
    });
  }

  /** Start every presentation on the page; safe to call again. */
  function start() {
    document.querySelectorAll("[data-module='vgr-presentation']").forEach(init);
  }

  /* Start now, and again after each instant navigation (Material's document$;
     it does not emit for a copy opened from file://). Init guards stop doubles. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
