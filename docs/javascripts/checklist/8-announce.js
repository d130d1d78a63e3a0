/* Checklist, part 8: the announcer. Its one job: what a screen reader hears
   from the planning checklist. The class
   ChecklistAnnounce enhances [data-module="vgr-checklist-announce"], two
   empty polite live regions inside the checklist (started by boot.js).

   The checklist's status bar is plain text, read in browse mode like the rest
   of the page; it is no live region, so an old message is never re-read with
   a new status. Instead this script watches the checklist's DOM contract
   (MutationObserver, no change to checklist.js) and speaks each change once:
   - [data-live="status"]: the save status ([data-status]) when it changes;
   - [data-live="result"]: an action's message ([data-message]) each time the
     checklist writes one, and a question's new status ([data-task]), with the
     count ([data-progress]) when that changed too, when the person changed that question (focus is
     in its fieldset), not when another tab or a plan switch did.
   A region is emptied on the next key or pointer press, so a browse-mode
   reader does not meet a message twice, and the same words can be said again.
   After "Ny plan" the plan's name field has focus (a new plan wants a name);
   after "Ta bort planen" the plan chooser, which names the plan now shown.
   Classic script, no modules: it loads from file://. */
(function () {
  "use strict";

  /* Everything this script says (the rest are the checklist's own words). */
  const T = {
    question: (number, status) => `${number}: ${status}.`,
  };

  /** Where focus goes after an action that changed the plan shown. */
  const FOCUS_AFTER = {
    new: ".vgr-details [data-field]",
    delete: "[data-plan-list]",
  };

  const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");

  class ChecklistAnnounce {
    constructor(el, { signal }) {
      const root = el.closest('[data-module="vgr-checklist"]');
      if (!root) throw new Error("checklist-announce: not inside a checklist");
      this.root = root;
      this.el = el;
      this.form = root.querySelector("form");
      this.regions = {
        status: el.querySelector('[data-live="status"]'),
        result: el.querySelector('[data-live="result"]'),
      };
      this.said = 0; /* tests wait on it */
      /* The checklist fills its views when it starts: nothing of that is news. */
      this.ready = root.hasAttribute("data-ready");
      this.lastStatus = text(root.querySelector("[data-status]"));
      this.observer = new MutationObserver((records) => this.changed(records));
      this.observer.observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ["data-ready"],
      });
      const opts = { signal, capture: true };
      document.addEventListener("keydown", () => this.clear(), opts);
      document.addEventListener("pointerdown", () => this.clear(), opts);
      /* Before the checklist acts (capture on its element) and after (bubble on the document). */
      root.addEventListener("click", (e) => this.before(e), { signal, capture: true });
      document.addEventListener("click", () => this.after(), { signal });
    }

    destroy() {
      this.observer.disconnect();
    }

    /** What changed in the checklist, in one batch of mutations. */
    changed(records) {
      const touched = { message: false, status: false, progress: false, tasks: new Set() };
      for (const r of records) {
        if (r.type === "attributes") {
          if (r.target === this.root) this.ready = true;
          continue;
        }
        if (!this.ready) continue;
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const part = el && el.closest("[data-message], [data-status], [data-task], [data-progress]");
        if (!part || !this.root.contains(part)) continue;
        if (part.hasAttribute("data-message")) touched.message = true;
        else if (part.hasAttribute("data-status")) touched.status = true;
        else if (part.hasAttribute("data-progress")) touched.progress = true;
        else touched.tasks.add(part.dataset.task);
      }
      if (touched.status) {
        const now = text(this.root.querySelector("[data-status]"));
        if (now && now !== this.lastStatus) this.say("status", now);
        this.lastStatus = now;
      }
      const result = [];
      if (touched.message) result.push(text(this.root.querySelector("[data-message]")));
      const questions = [...touched.tasks].filter((id) => this.isHere(id));
      questions.forEach((id) => result.push(this.questionLine(id)));
      if (questions.length && touched.progress) result.push(text(this.root.querySelector("[data-progress]")) + ".");
      const said = result.filter(Boolean).join(" ");
      if (said) this.say("result", said);
    }

    /** Whether the person is in that question now (focus in its fieldset). */
    isHere(id) {
      const box = this.form.querySelector(`[data-done="${CSS.escape(id)}"]`);
      const fieldset = box && box.closest("fieldset");
      return !!fieldset && fieldset.contains(document.activeElement);
    }

    /** "Fråga 1: Klar." */
    questionLine(id) {
      const box = this.form.querySelector(`[data-done="${CSS.escape(id)}"]`);
      const number = text(box.closest("fieldset").querySelector(".vgr-num"));
      return T.question(number, text(this.root.querySelector(`[data-task="${CSS.escape(id)}"]`)));
    }

    /** Put words in a live region as a new node: spoken even when they are
        the same words as last time (the region was emptied in between). */
    say(name, words) {
      const p = document.createElement("span");
      p.textContent = words;
      this.regions[name].replaceChildren(p);
      this.el.dataset.announced = ++this.said;
    }

    clear() {
      Object.values(this.regions).forEach((region) => {
        if (region.firstChild) region.replaceChildren();
      });
    }

    before(event) {
      const btn = event.target.closest && event.target.closest("[data-action]");
      this.pending = btn && FOCUS_AFTER[btn.dataset.action] ? { action: btn.dataset.action, plan: this.form.dataset.plan } : null;
    }

    /** The checklist has acted: if the plan shown changed, focus a labelled control. */
    after() {
      const pending = this.pending;
      this.pending = null;
      if (!pending || this.form.dataset.plan === pending.plan) return;
      const target = this.root.querySelector(FOCUS_AFTER[pending.action]);
      if (target) target.focus();
    }
  }

  function define() {
    document.dispatchEvent(new CustomEvent("vgr:define", { detail: { module: "vgr-checklist-announce", Component: ChecklistAnnounce } }));
  }
  define(); document.addEventListener("vgr:boot", define);
})();
