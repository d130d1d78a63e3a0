/* Component boot: starts every element marked [data-module="NAME"] with the
   class a component script defined for NAME. No globals: scripts and this boot
   meet through two document events, so either may load first.

   A component script ends with its announcement (three lines, always these):

     function define() { document.dispatchEvent(new CustomEvent("vgr:define",
       { detail: { module: "vgr-example", Component: Example } })); }
     define(); document.addEventListener("vgr:boot", define);

   Contract of a component class:
   - new Component(root, { signal }) enhances one element. Add every listener
     on window or document with { signal }: it is aborted when the element
     leaves the page (Material's instant navigation), so there is one teardown.
   - destroy() (optional) runs just before that, e.g. to save what is pending.
   - Throw from the constructor and the element stays as the page delivered it
     (the no-JavaScript version); the error goes to the console.
   Each element starts once, in a task of its own: boot marks it [data-ready]
   (tests wait on that). */
(function () {
  "use strict";

  var components = {}; /* module name -> class */
  var running = []; /* { root, instance, controller } */

  /** End instances whose element is gone (instant navigation replaced it). */
  function sweep() {
    running = running.filter(function (run) {
      if (run.root.isConnected) return true;
      try {
        if (run.instance && typeof run.instance.destroy === "function") run.instance.destroy();
      } catch (err) {
        console.error(err);
      }
      run.controller.abort();
      return false;
    });
  }

  /** Start one element, once, with its class; a failure leaves it unenhanced. */
  function startOne(root, Component) {
    if (!root.isConnected) return; /* gone before its turn (instant navigation) */
    if (root.hasAttribute("data-ready") || root.hasAttribute("data-module-failed")) return;
    var controller = new AbortController();
    try {
      var instance = new Component(root, { signal: controller.signal });
      running.push({ root: root, instance: instance, controller: controller });
      root.setAttribute("data-ready", "");
    } catch (err) {
      controller.abort();
      root.setAttribute("data-module-failed", "");
      console.error(err);
    }
  }

  /* A task of its own for each start: a message to ourselves (not a timer,
     which a paused or throttled clock would hold back indefinitely). */
  var queue = [];
  var channel = new MessageChannel();
  channel.port1.onmessage = function () {
    var job = queue.shift();
    if (job) job();
  };
  function later(job) {
    queue.push(job);
    channel.port2.postMessage(null);
  }

  /** Start every known component on the page; safe to call again. Each
      element starts in a task of its own, not all in the task that found
      them (with Material's own start-up, in DOMContentLoaded): several short
      tasks leave the page free to answer a tap between them, one long one
      does not. Nothing moves when they start: their final size is in the
      HTML and CSS (tests/test_stillness.py). */
  function start() {
    sweep();
    Object.keys(components).forEach(function (name) {
      document.querySelectorAll('[data-module="' + name + '"]').forEach(function (root) {
        later(function () { startOne(root, components[name]); });
      });
    });
  }

  document.addEventListener("vgr:define", function (event) {
    var detail = event.detail || {};
    if (typeof detail.module !== "string" || typeof detail.Component !== "function") return;
    components[detail.module] = detail.Component;
    if (document.readyState !== "loading") start();
  });
  document.dispatchEvent(new CustomEvent("vgr:boot"));

  /* Start now, and again after each instant navigation (Material's document$;
     it does not emit for a copy opened from file://). */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  var doc$ = window.document$;
  if (doc$ && typeof doc$.subscribe === "function") doc$.subscribe(start);
})();
