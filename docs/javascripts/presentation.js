/* Presentation: enhances [data-module="vgr-presentation"], a list of scenes
   that reads as an article, with a full-screen mode that shows one scene at a
   time. No autoplay. Keys: arrows, Page Up/Down, Space, Home, End, Esc.
   DOM contract (written by templates/widgets/presentation.md):
     root data-dialog-label   the dialog's name while presenting
     root data-count-format   the counter's text, with {number} and {total}
     [data-scene]             the scenes, in order
     [data-js]                shown once this runs
     [data-bar]               the controls while presenting
     [data-count]             the counter
     [data-action]            start, prev, next, close
   Each instance keeps its own state: several presentations can share a page. */
(function () {
  "use strict";

  /** Keys that move between scenes while presenting, and by how much. */
  var MOVES = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };

  class Presentation {
    constructor(root, options) {
      this.root = root;
      this.signal = options.signal;
      this.scenes = Array.from(root.querySelectorAll("[data-scene]"));
      this.bar = root.querySelector("[data-bar]");
      this.count = root.querySelector("[data-count]");
      this.startButton = root.querySelector("[data-action='start']");
      this.strings = {
        dialog: root.getAttribute("data-dialog-label"),
        count: root.getAttribute("data-count-format"),
      };
      if (!this.scenes.length || !this.bar || !this.count || !this.startButton) {
        throw new Error("Presentation: the markup lacks scenes, [data-bar], [data-count] or a start button");
      }
      if (!this.strings.dialog || !this.strings.count) {
        throw new Error("Presentation: data-dialog-label or data-count-format is missing");
      }
      this.index = 0;
      this.active = false;

      root.querySelectorAll("[data-js]").forEach(function (el) { el.hidden = false; });
      this.scenes.forEach(function (scene) { scene.tabIndex = -1; });
      root.addEventListener("click", this.onClick.bind(this));
      document.addEventListener("keydown", this.onKey.bind(this), { signal: this.signal });
      document.addEventListener("fullscreenchange", this.onFullscreen.bind(this), { signal: this.signal });
    }

    /** Show scene i (clamped); move focus to it when asked. */
    show(i, focus) {
      var last = this.scenes.length - 1;
      this.index = Math.max(0, Math.min(last, i));
      this.scenes.forEach(function (scene, n) { scene.hidden = n !== this.index; }, this);
      this.count.textContent = this.strings.count
        .replace("{number}", String(this.index + 1))
        .replace("{total}", String(this.scenes.length));
      this.action("prev").setAttribute("aria-disabled", String(this.index === 0));
      this.action("next").setAttribute("aria-disabled", String(this.index === last));
      if (focus) this.scenes[this.index].focus();
    }

    /** The control for one action. */
    action(name) {
      return this.root.querySelector("[data-action='" + name + "']");
    }

    /** Enter presentation mode at the first scene. */
    start() {
      this.active = true;
      this.root.classList.add("is-presenting");
      this.root.setAttribute("role", "dialog");
      this.root.setAttribute("aria-modal", "true");
      this.root.setAttribute("aria-label", this.strings.dialog);
      this.bar.hidden = false;
      if (this.root.requestFullscreen) {
        this.root.requestFullscreen().catch(function () { /* the overlay alone is enough */ });
      }
      this.show(0, true);
    }

    /** Leave presentation mode; focus returns to the start button. */
    stop() {
      if (!this.active) return;
      this.active = false;
      this.root.classList.remove("is-presenting");
      ["role", "aria-modal", "aria-label"].forEach(function (a) { this.root.removeAttribute(a); }, this);
      this.bar.hidden = true;
      this.scenes.forEach(function (scene) { scene.hidden = false; });
      if (document.fullscreenElement === this.root) document.exitFullscreen().catch(function () {});
      this.startButton.focus();
    }

    /** Esc in full screen is taken by the browser: leaving it ends the show. */
    onFullscreen() {
      if (this.active && !document.fullscreenElement) this.stop();
    }

    onClick(event) {
      var button = event.target.closest("[data-action]");
      if (!button || !this.root.contains(button)) return;
      var name = button.getAttribute("data-action");
      if (name === "start") this.start();
      else if (name === "close") this.stop();
      else if (button.getAttribute("aria-disabled") !== "true") {
        this.show(this.index + (name === "next" ? 1 : -1), false);
      }
    }

    /** Keyboard control while presenting; Tab stays inside the controls. */
    onKey(event) {
      if (!this.active) return;
      var onButton = event.target.tagName === "BUTTON";
      var key = event.key;
      if (key === "Escape") this.stop();
      else if (MOVES[key]) this.show(this.index + MOVES[key], !onButton);
      else if (key === " " && !onButton) this.show(this.index + 1, true);
      else if (key === "Home") this.show(0, !onButton);
      else if (key === "End") this.show(this.scenes.length - 1, !onButton);
      else if (key === "Tab") this.trapTab(event.shiftKey);
      else return;
      event.preventDefault();
    }

    /** Move focus to the next (or previous) control of the bar, wrapping round. */
    trapTab(backwards) {
      var stops = Array.from(this.bar.querySelectorAll("button"));
      var at = stops.indexOf(document.activeElement);
      var step = backwards ? -1 : 1;
      var next = at < 0 ? (backwards ? stops.length - 1 : 0) : (at + step + stops.length) % stops.length;
      stops[next].focus();
    }

    /** The page is going away (instant navigation): leave full screen. */
    destroy() {
      if (this.active && document.fullscreenElement === this.root) {
        document.exitFullscreen().catch(function () {});
      }
    }
  }

  function define() { document.dispatchEvent(new CustomEvent("vgr:define",
    { detail: { module: "vgr-presentation", Component: Presentation } })); }
  define(); document.addEventListener("vgr:boot", define);
})();
