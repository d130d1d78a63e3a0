/* Checklist, part 7: "Klar" on an empty answer. Its one job: say when a
   question is ticked "Klar" with no answer (issue 22). A person may tick it (the
   question may have been settled at a meeting), but the page says so beside
   the box, and the paper says "Status: Klar, utan svar" above ruled lines to
   write on (print.css). Works through the checklist's markup only, not its
   internals: the form's [data-done="ID"] boxes and the [data-field] inputs
   in the same question. The review is redrawn by the checklist on every
   change, from this tab or another: a MutationObserver on it keeps this in step.
   Started by boot.js on [data-module="vgr-checklist-done"], inside the
   checklist. Classic script, no globals. */
(function () {
  "use strict";

  /* Everything this script says to the person. */
  const T = {
    note: (n) =>
      `Fråga ${n} har inget svar. Den räknas som klar, och på utskriften står ”Klar, utan svar” med tomma rader att skriva på.`,
  };

  class DoneCheck {
    constructor(root, { signal }) {
      const list = root.closest('[data-module="vgr-checklist"]');
      const form = list && list.querySelector("form");
      const sheet = list && list.querySelector("[data-sheet]");
      if (!form || !sheet) throw new Error("checklist-done: not inside a checklist with a form and a review");
      this.list = list;
      this.boxes = Array.from(form.querySelectorAll("[data-done]"));
      this.notes = new Map();
      this.boxes.forEach((box) => {
        /* Empty (no box: screen.css) until there is something to say; a live
           region from the start, so that it is announced when filled. */
        const note = document.createElement("p");
        note.className = "vgr-done-note";
        note.setAttribute("role", "status");
        note.dataset.doneNote = box.dataset.done;
        (box.closest(".vgr-done") || box).after(note);
        this.notes.set(box, note);
      });
      form.addEventListener("change", (e) => { if (e.target.dataset.done) this.ticked(e.target); }, { signal });
      form.addEventListener("input", () => this.update(), { signal });
      this.observer = new MutationObserver(() => this.update());
      this.observer.observe(sheet, { subtree: true, childList: true, characterData: true, attributeFilter: ["hidden"] });
      this.update();
    }

    destroy() {
      this.observer.disconnect();
    }

    /** No text in any answer field of the box's question. */
    unanswered(box) {
      const question = box.closest("fieldset");
      const fields = question ? Array.from(question.querySelectorAll("[data-field]")) : [];
      return box.checked && fields.every((el) => !el.value.trim());
    }

    /** The person ticked or unticked a box: say so when it is ticked without an answer. */
    ticked(box) {
      this.update();
      const number = this.boxes.indexOf(box) + 1;
      const text = this.unanswered(box) ? T.note(number) : "";
      const note = this.notes.get(box);
      if (note.textContent !== text) note.textContent = text;
    }

    /** A note goes once its question has an answer or is unticked (here or in
        another tab: the review is redrawn then). The paper's "utan svar" is the
        plan document's (part 4), drawn with the review. */
    update() {
      this.boxes.forEach((box) => {
        const note = this.notes.get(box);
        if (!this.unanswered(box) && note.textContent) note.textContent = "";
      });
    }
  }

  function define() { document.dispatchEvent(new CustomEvent("vgr:define",
    { detail: { module: "vgr-checklist-done", Component: DoneCheck } })); }
  define(); document.addEventListener("vgr:boot", define);
})();
