/* Checklist, part 5: the views. Their one job: show a plan in the page's own
   markup (overrides/widgets/checklist.html, found by data-* attributes): the
   form with its kept copies, the overview's statuses, the review, the plan
   picker and the status bar with its notices. They read plans and documents;
   they never decide anything about saving. */
(function (parts) {
  "use strict";

  const { own, textOf, copiesOf, retiredIds } = parts.core;
  const { day, clock, fill, questionStatus, doneUnanswered } = parts.document;

  /** Set text only when it differs: a live region is not re-announced, a caret not moved. */
  function say(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  /** Rebuild a container's children from items, only when they changed. */
  function rebuild(box, items, make) {
    const key = JSON.stringify(items);
    if (box.dataset.shown !== key) {
      box.dataset.shown = key;
      box.replaceChildren(...items.map(make));
    }
  }

  /** A field's value from elsewhere, keeping the caret where it was as well as we can. */
  function setValue(el, value) {
    if (el.value === value) return;
    const old = el.value;
    const active = el === document.activeElement && el.type !== "date";
    const start = active ? el.selectionStart : 0;
    const end = active ? el.selectionEnd : 0;
    el.value = value;
    if (!active) return;
    const keep = (p) => (old.slice(0, p) === value.slice(0, p) ? p : Math.max(0, value.length - (old.length - p)));
    el.setSelectionRange(keep(start), keep(end));
  }

  class Views {
    /** words: the shared words and the script's own (T in part 6). */
    constructor(root, model, words) {
      this.root = root;
      this.model = model;
      this.words = words;
      this.form = root.querySelector("form");
      this.select = root.querySelector("[data-plan-list]");
      this.status = root.querySelector("[data-status]");
      this.grow = !(window.CSS && CSS.supports("field-sizing", "content"));
    }

    $(sel) {
      return this.root.querySelector(sel);
    }

    say(el, text) {
      say(el, text);
    }

    /** A copy of one of the template's <template data-tpl> parts, its texts filled in. */
    tpl(name, texts) {
      const el = this.$(`[data-tpl="${name}"]`).content.firstElementChild.cloneNode(true);
      for (const [key, text] of Object.entries(texts)) {
        const sel = `[data-${key}]`;
        (el.matches(sel) ? el : el.querySelector(sel)).textContent = text;
      }
      return el;
    }

    /** When and where a version was written, for this tab: "2026-12-02 kl. 10:42 i det här fönstret". */
    when(stamp, mine) {
      const d = new Date(stamp.at);
      const w = this.words;
      return `${fill(w.written, { date: day(d), time: clock(d) })} ${mine(stamp.by) ? w.here : w.elsewhere}`;
    }

    fit(el) {
      if (!this.grow || el.tagName !== "TEXTAREA") return;
      el.style.height = "auto";
      el.style.height = el.scrollHeight + el.offsetHeight - el.clientHeight + "px";
    }

    /** The form: every field (unless only this tab's own typing changed), and the kept copies.
        mine(tabId): whether a version was written in this tab. */
    formView(plan, local, mine) {
      this.form.dataset.plan = plan.id;
      if (!local) {
        this.retiredFields(plan);
        this.form.querySelectorAll("[data-field]").forEach((el) => {
          setValue(el, textOf(plan, this.model, el.dataset.field));
          this.fit(el);
        });
        this.form.querySelectorAll("[data-done]").forEach((box) => { box.checked = !!plan.done[box.dataset.done]; });
      }
      this.root.querySelectorAll("[data-conflicts]").forEach((box) => {
        const id = box.dataset.conflicts;
        const ours = plan.times[id] || { at: plan.updated, by: "" };
        const items = copiesOf(plan, id).map((c) => [c.text, this.when(ours, mine), this.when(c, mine)]);
        rebuild(box, items, ([text, boxWhen, otherWhen]) => {
          const item = this.tpl("conflict", { "conflict-text": text, "box-when": boxWhen, "other-when": otherWhen });
          item.dataset.conflictText = text;
          return item;
        });
      });
      say(this.$("[data-print-name]"), plan.details.name ? ": " + plan.details.name : "");
    }

    /** Answers to questions that no longer exist: fields of their own, kept while typed in. */
    retiredFields(plan) {
      const ids = retiredIds(plan, this.model);
      const list = this.$("[data-retired-list]");
      list.querySelectorAll("[data-field]").forEach((el) => {
        if (!ids.includes(el.dataset.field) && el !== document.activeElement) el.closest(".vgr-field").remove();
      });
      ids.forEach((id) => {
        if (list.querySelector(`[data-field="${id}"]`)) return;
        const box = this.tpl("retired", { "retired-label": plan.questions[id] || id });
        const area = box.querySelector("textarea");
        area.id = `${this.root.dataset.instance || "vgr"}-retired-${id}`;
        area.dataset.field = id;
        box.querySelector("label").htmlFor = area.id;
        box.querySelector("[data-conflicts]").dataset.conflicts = id;
        list.appendChild(box);
      });
      this.$("[data-retired]").hidden = !ids.length;
    }

    overview(plan) {
      let done = 0;
      this.model.questions.forEach((q) => {
        const status = questionStatus(plan, q);
        const tag = this.$(`[data-task="${q.id}"]`);
        if (status === "done") done++;
        say(tag, this.words.status[status] + (doneUnanswered(plan, q) ? this.words.unanswered : ""));
        tag.dataset.state = status;
      });
      say(this.$("[data-progress]"), fill(this.words.progress, { n: done, all: this.model.questions.length }));
    }

    /** The review: what the printout holds, read-only. */
    review(doc) {
      const $ = (sel) => this.$(sel);
      const others = (box, f) => rebuild(box, f.others.length ? [f.note].concat(f.others) : [], (o) =>
        (typeof o === "string" ? this.tpl("sheet-note", { "sheet-note": o })
          : this.tpl("sheet-other", { "sheet-label": o.label, "sheet-text": o.text })));
      say($("[data-sheet-name]"), doc.name ? ": " + doc.name : "");
      doc.details.forEach((f) => say($(`[data-sheet-field="${f.id}"]`), f.text || "–"));
      doc.questions.forEach((q) => {
        say($(`[data-sheet-status="${q.id}"]`), q.status);
        const unanswered = $(`[data-sheet-unanswered="${q.id}"]`);
        if (unanswered.hidden === q.unanswered) unanswered.hidden = !q.unanswered;
        q.fields.forEach((f) => {
          const answer = $(`[data-sheet-field="${f.id}"]`);
          say(answer, f.text);
          answer.hidden = !f.text;
          $(`[data-sheet-empty="${f.id}"]`).hidden = !!f.text;
          others($(`[data-sheet-others="${f.id}"]`), f);
        });
      });
      rebuild($("[data-sheet-retired-list]"), doc.retired, (f) => {
        const item = this.tpl("sheet-text", { "sheet-label": f.label, "sheet-text": f.text });
        others(item.querySelector("[data-sheet-others]"), f);
        return item;
      });
      $("[data-sheet-retired]").hidden = !doc.retired.length;
    }

    /** The plan picker: every plan by name and last change, and the one shown.
        plans: as shown here; stored: ids in storage (the others are new, or deleted elsewhere). */
    list(plans, current, stored) {
      const all = Object.values(plans).filter((p) => p.id !== current.id).concat(current);
      all.sort((a, b) => b.updated - a.updated);
      /* Plans without a name are numbered in the order they were made (ids
         sort so), so a list read aloud tells them apart by more than a time. */
      const unnamed = all.filter((p) => !p.details.name).map((p) => p.id).sort();
      const name = (p) => p.details.name
        || (unnamed.length > 1 ? `${this.words.untitled} ${unnamed.indexOf(p.id) + 1}` : this.words.untitled);
      rebuild(this.select, all.map((p) => {
        const d = new Date(p.updated);
        const gone = !own(plans, p.id) && !stored.includes(p.id);
        return [p.id, this.words.listed(name(p), `${day(d)} ${clock(d)}`, gone)];
      }), ([id, text]) => new Option(text, id));
      this.select.value = current.id;
    }

    notice(name) {
      return this.$(`[data-notice="${name}"]`);
    }

    /** The storage warning: null (none), "blocked" or "full". */
    problem(kind) {
      this.notice("blocked").hidden = kind !== "blocked";
      this.notice("full").hidden = kind !== "full";
    }

    /** Stored data that could not be read (1: in part, 2: at all): say so and offer it as a file. */
    damaged(level) {
      const notice = this.notice("damaged");
      notice.querySelectorAll("[data-damage]").forEach((p) => { p.hidden = +p.dataset.damage !== level; });
      notice.hidden = false;
    }

    /** A message in the status line; undoable: whether its "Ångra" shows. */
    message(text, undoable) {
      const el = this.$("[data-message]");
      /* The same message again (a second "Kopiera som text") is written anew,
         so the announcer (part 8) hears a change and says it again. */
      if (text && el.textContent === text) el.textContent = "";
      say(el, text);
      this.$(".vgr-bar [data-action=undo]").hidden = !(text && undoable);
    }

    error(text) {
      say(this.$("[data-error]"), text);
    }
  }

  Views.say = say;
  Views.rebuild = rebuild;
  parts.Views = Views;
})(typeof checklistParts === "object" ? checklistParts : module.exports);
