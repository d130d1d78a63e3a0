/* Checklist, part 6: the adapter. Its one job: connect the page to the sync
   core. The class Checklist enhances [data-module="vgr-checklist"] (started
   by boot.js): it turns the person's actions and the browser's events into
   calls on the core's Tab (part 2), passes it what the plan store (part 3)
   reads and the time, writes what the Tab drafts, and has the views (part 5)
   show the result. The rarer actions (file tools, "Fler val", kept copies)
   live in checklist-files.js, loaded on first use, and act only through the
   declared api() below. The form works and prints without any of this. */
(function (parts) {
  "use strict";

  const { own, clone, makeModel, readState, emptyPlan } = parts.core;
  const { Tab, PlanStore, Views } = parts;
  const { day, clock, planDoc } = parts.document;
  const SAVE_DELAY = 300;

  /* What only the script says (words shared with the template come from data-checklist). */
  const T = {
    listed: (name, date, gone) => `${name} – ändrad ${date}${gone ? " (borttagen i en annan flik)" : ""}`,
    saved: (time) => `Sparat i webbläsaren kl. ${time}.`,
    notSaved: "Inte sparat.",
    created: "En ny, tom plan har skapats.",
    confirmDelete: (name) => `Ta bort planen ”${name}”? Ni kan ångra direkt efteråt.`,
    deleted: (name) => `Planen ”${name}” är borttagen.`,
    back: (name) => `Planen ”${name}” är tillbaka.`,
    keptGone: (name) => `Planen ”${name}” togs bort i en annan flik medan ni skrev i den. Den finns kvar, med det ni skrev.`,
    conflict: "Ett svar ändrades samtidigt i ett annat fönster. Båda versionerna finns kvar: se under frågan.",
    otherBack: "Den andra versionen är tillbaka under frågan.",
    nothingChanged: " Inget har ändrats.",
    bug: "Det blev ett fel i checklistan, inte i filen. Ladda om sidan och försök igen.",
    filesFailed: "Det gick inte att ladda checklistans filverktyg. Ladda om sidan och försök igen.",
  };

  /** A problem to tell the person about in plain words (not a programming error). */
  class UserError extends Error {}
  UserError.prototype.name = "UserError";

  const newId = () => "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

  class Checklist {
    constructor(root, { signal }) {
      const data = JSON.parse(root.dataset.checklist);
      const labels = {};
      root.querySelectorAll(".vgr-details [data-field]").forEach((el) => { labels[el.dataset.field] = el.labels[0].textContent; });
      this.root = root;
      this.signal = signal;
      this.model = makeModel(data, labels);
      this.words = Object.assign({}, T, data.words);
      this.views = new Views(root, this.model, this.words);
      this.store = new PlanStore(root.dataset.instance);
      const kept = this.store.loadTab() || {};
      this.ids = [newId()].concat(Array.isArray(kept.ids) ? kept.ids.slice(0, 20) : []);
      this.tab = new Tab(this.model, this.ids[0], kept, newId);
      this.saves = this.syncs = 0;
      this.form = this.views.form;
      this.file = root.querySelector("[data-import]");
      root.classList.add("vgr-js");
      this.listen(root, signal);

      const found = this.read();
      const kind = found ? this.store.probe() : "blocked";
      this.tab.load(found ? found.state : null, kept.plan, Date.now());
      if (found && (found.damage || found.old != null)) this.repair(found);
      else if (found && this.store.backup() != null) {
        /* Kept aside earlier (perhaps by another tab): offered until saved as a file. */
        this.damagedRaw = this.store.backup();
        this.views.damaged(1);
      }
      if (kind) this.failed(kind); /* writing fails from the start: say so now, not at the first keystroke */
      this.show();
      root.dataset.saves = this.saves;
      this.mark();
      this.dated();
    }

    listen(root, signal) {
      const on = (target, type, fn, opts) => target.addEventListener(type, fn, opts);
      const opts = { signal };
      on(this.form, "input", (e) => this.typed(e.target));
      on(this.form, "change", (e) => {
        const q = e.target.dataset.done;
        if (q) this.change({ type: "done", plan: this.form.dataset.plan, field: q, value: e.target.checked });
      });
      on(this.form, "focusin", (e) => { if (e.target.dataset.field) this.tab.focus(e.target.dataset.field); });
      on(this.form, "focusout", (e) => {
        if (!e.target.dataset.field || !this.tab.pending.some((op) => op.hold)) return this.tab.focus(null);
        this.tab.focus(null);
        this.show();
      });
      on(this.form, "submit", (e) => e.preventDefault());
      on(this.views.select, "change", () => {
        const id = this.views.select.value; /* read first: the save below redraws the list */
        this.save();
        this.open(id);
        this.message("", null);
      });
      on(this.file, "change", () => {
        const file = this.file.files[0];
        this.file.value = "";
        if (file) this.withTools((tools) => tools.importFile(this.api(), file));
      });
      on(root.querySelector(".vgr-more"), "toggle", (e) => { if (e.target.open) this.tools().catch(() => {}); });
      on(root, "click", (e) => {
        const btn = e.target.closest("[data-action]");
        if (!btn) return;
        const action = btn.dataset.action;
        this.error("");
        if (this.actions[action]) this.actions[action].call(this, btn);
        else this.withTools((tools) => tools.actions[action](this.api(), btn)); /* the rarer ones */
      });
      on(window, "storage", (e) => { if (PlanStore.concerns(e)) this.sync(); }, opts);
      on(document, "vgr:checklist-saved", (e) => { if (e.detail !== this) this.sync(); }, opts);
      /* Leaving the page or the window is leaving the field: back, it shows what is stored. */
      on(window, "pageshow", (e) => { if (e.persisted) { this.tab.release(); this.sync(); } }, opts);
      on(window, "focus", () => this.sync(), opts);
      on(window, "blur", () => this.tab.release(), opts);
      on(window, "pagehide", () => { this.save(); this.tab.release(); }, opts);
      on(document, "visibilitychange", () => { if (document.hidden) this.save(); }, opts);
      on(window, "beforeprint", () => this.beforePrint(), opts);
      on(window, "afterprint", () => root.classList.remove("vgr-blank"), opts);
    }

    destroy() {
      this.save();
    }

    get planId() {
      return this.tab.planId;
    }

    /* --- storage, through the plan store --- */

    /** What is stored now, read: { state, damage, raw, old }, or null when storage cannot be used. */
    read() {
      const got = this.store.read();
      if (!got) return null;
      const found = Object.assign(readState(got.raw, this.model, got.old), got);
      /* Nothing readable (junk written by something else): this tab's last
         read stands in for it, so its plans are written back; the junk is kept aside. */
      if (found.damage === 2 && this.tab) found.state = clone(this.tab.store);
      return found;
    }

    /** Unreadable data, at start or written by another tab later: kept aside, said, offered as a file. */
    keepAside(found) {
      if (!found.damage) return true;
      const raw = found.damage && found.raw != null && found.raw !== "" ? found.raw : found.old;
      this.damagedRaw = raw;
      this.views.damaged(found.damage);
      const kind = this.store.keepAside(raw);
      if (kind) this.views.problem(kind);
      return !kind;
    }

    /** Damaged or previous-version data at start: keep the original aside, then write what could be read. */
    repair(found) {
      if (this.keepAside(found)) this.save(true);
    }

    remember() {
      this.store.saveTab(Object.assign(this.tab.session(), { plan: this.tab.planId, ids: this.ids }));
    }

    /** Save now: re-read, let the Tab draft its changes onto what is stored, write. */
    save(force) {
      clearTimeout(this.timer);
      const found = this.read();
      if (!found) return this.failed("blocked");
      if (found.damage && !this.keepAside(found)) return this.failed();
      const d = this.tab.draft(found.state, Date.now(), force || found.old != null);
      if (!d) return;
      const kind = this.store.write(d.text);
      if (kind) {
        this.tab.failing = true;
        this.remember(); /* what could not be written stays with this tab over a reload */
        return this.failed(kind);
      }
      this.tab.commit(d, Date.now());
      if (found.old != null) this.store.dropOld();
      this.views.problem(null);
      this.remember();
      this.root.dataset.saves = ++this.saves;
      this.mark();
      if (d.ops.length) this.views.say(this.views.status, T.saved(clock(new Date())));
      document.dispatchEvent(new CustomEvent("vgr:checklist-saved", { detail: this }));
      this.tell(d.told);
      this.show();
    }

    failed(kind) {
      if (kind) this.views.problem(kind);
      this.views.say(this.views.status, T.notSaved);
      this.mark();
    }

    /** Another tab (or the back/forward cache, or focus) changed what is stored: show it under the rules. */
    sync() {
      const found = this.read();
      this.root.dataset.syncs = ++this.syncs; /* tests wait on it */
      if (!found) return;
      this.keepAside(found);
      const res = this.tab.sync(found.state, Date.now());
      this.tell(res.told);
      if (res.save || found.damage === 2) this.save(true);
      this.show();
    }

    tell(told) {
      told.forEach((t) => {
        if (t.type === "conflict") this.message(T.conflict, null);
        else if (t.type === "restored") {
          this.views.notice("gone").hidden = true;
          this.message(T.keptGone(this.nameOf(this.tab.shown(t.plan))), null);
        } else if (t.type === "gone") {
          this.goneUndo = t.copy;
          this.views.say(this.views.notice("gone").querySelector("[data-gone-name]"), this.nameOf(t.copy));
          this.views.notice("gone").hidden = false;
        } else if (t.type === "followed") this.remember();
      });
      if (own(this.tab.store.plans, this.planId)) this.views.notice("gone").hidden = true;
    }

    /* --- changes --- */

    /** Record a change in the plan it was made in; save a moment later. */
    change(op) {
      this.tab.edit(op, Date.now());
      this.mark();
      this.show(true);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), SAVE_DELAY);
    }

    typed(el) {
      if (!el.dataset.field) return;
      this.tab.focus(el.dataset.field);
      this.change({ type: "text", plan: this.form.dataset.plan, field: el.dataset.field, value: el.value });
      this.views.fit(el);
    }

    /** How many changes wait to be saved (tests wait on it, and on data-saves). */
    mark() {
      this.root.dataset.unsaved = this.tab.unsaved();
    }

    nameOf(plan) {
      return plan.details.name || this.words.untitled;
    }

    open(id) {
      if (id !== this.planId) this.views.notice("report").hidden = true;
      this.tab.open(id);
      this.remember();
      this.show();
    }

    /* --- showing --- */

    /** Show the plan shown here, with this tab's unsaved changes in it. local: only
        what follows from an edit here (the fields already hold it). */
    show(local) {
      const plan = this.tab.shown();
      const mine = (by) => this.ids.includes(by);
      this.views.formView(plan, local, mine);
      this.views.overview(plan);
      this.views.list(this.tab.known(), plan, Object.keys(this.tab.store.plans));
      this.views.review(this.doc(plan));
    }

    doc(plan) {
      const url = this.root.querySelector("[data-print-url]").textContent;
      return planDoc(plan, this.model, { guideline: this.root.dataset.guideline, url, date: day(new Date()) }, this.words);
    }

    message(text, undo) {
      if (undo !== undefined) this.undo = undo;
      this.views.message(text, !!this.undo);
    }

    error(text) {
      this.views.error(text);
    }

    /** The date on paper is the day it is printed. It ends its line, full
        stop included, so filling it in moves nothing on the page. */
    dated() {
      this.views.say(this.root.querySelector("[data-print-date]"), day(new Date()) + ".");
    }

    beforePrint() {
      this.save();
      this.dated();
      this.show();
      this.blankIfEmpty();
    }

    /** A plan with nothing in it prints as the blank form, to fill in by hand. */
    blankIfEmpty() {
      const doc = this.doc(this.tab.shown());
      const fields = doc.details.concat(...doc.questions.map((q) => q.fields));
      if (!fields.some((f) => f.text) && !doc.retired.length) this.root.classList.add("vgr-blank");
    }

    /** The file tools (checklist-files.js), loaded the first time they are needed. */
    tools() {
      if (!this.loading) {
        this.loading = new Promise((resolve, reject) => {
          let got = false;
          const take = (e) => { got = true; resolve(e.detail.make(Checklist.logic)); };
          document.addEventListener("vgr:checklist-files", take, { once: true, signal: this.signal });
          document.dispatchEvent(new CustomEvent("vgr:checklist-files-wanted"));
          if (got) return;
          const script = document.createElement("script");
          script.src = this.root.dataset.filesSrc;
          script.onerror = () => { this.loading = null; reject(new UserError(T.filesFailed)); };
          document.head.appendChild(script);
        });
      }
      return this.loading;
    }

    /** Save, then use the file tools; tell the person if that fails. */
    withTools(fn) {
      this.save();
      this.tools().then(fn).catch((err) => {
        if (!(err instanceof UserError)) console.error(err);
        this.error((err instanceof UserError ? err.message : T.bug) + T.nothingChanged);
      });
    }

    /** What the rarer actions (checklist-files.js) may do: nothing else of this object. */
    api() {
      const c = this;
      return {
        model: c.model, words: c.words,
        shown: () => c.tab.shown(),
        doc: () => c.doc(c.tab.shown()),
        names: () => Object.values(c.tab.known()).map((p) => p.details.name),
        nameOf: (plan) => c.nameOf(plan),
        newId,
        /** A plan joins as a new plan, shown and saved. */
        add: (plan) => { c.open(c.tab.add(plan, false)); c.save(); },
        message: (text, undo) => c.message(text, undo === undefined ? null : undo),
        report: (title, notes) => {
          const report = c.views.notice("report");
          Views.say(report.querySelector("[data-report-title]"), title);
          Views.rebuild(report.querySelector("[data-report-list]"), notes, (note) => {
            const li = document.createElement("li");
            li.textContent = note;
            return li;
          });
          report.hidden = false;
        },
        damaged: () => c.damagedRaw || "",
        /** The unreadable data is saved as a file: the copy in the browser can go. */
        damagedSaved: () => c.store.backupSaved(),
        /** "Lägg till…" (keep: true) or "Ta bort…" the other version of a field. */
        choose: (field, text, keep) => {
          const el = c.form.querySelector(`[data-field="${field}"]`);
          const plan = c.form.dataset.plan;
          if (keep) {
            el.value = el.value ? `${el.value}\n\n${text}` : text;
            c.typed(el);
          }
          c.change({ type: "drop", plan, field, text });
          el.focus();
          return { plan, ops: [{ type: "keep", plan, field, copy: { text, at: Date.now(), by: c.ids[0] } }] };
        },
        /** "Ta bort alla planer": everything stored by the checklist removed. */
        removeAll: () => {
          c.store.removeAll();
          c.tab = new Tab(c.model, c.ids[0], {}, newId);
          c.tab.load(null, null, Date.now());
          c.goneUndo = c.damagedRaw = null;
          c.views.notice("damaged").hidden = c.views.notice("gone").hidden = true;
          c.show();
          c.mark();
          document.dispatchEvent(new CustomEvent("vgr:checklist-saved", { detail: c }));
        },
      };
    }
  }

  /** The actions used often enough to be here from the start. */
  Checklist.prototype.actions = {
    print() {
      this.save();
      this.blankIfEmpty();
      window.print();
    },
    "print-blank"() {
      this.root.classList.add("vgr-blank");
      window.print();
    },
    import() {
      this.file.click();
    },
    new() {
      this.save();
      this.open(this.tab.fresh(false, Date.now()));
      this.save();
      this.message(T.created, null);
    },
    delete() {
      const plan = this.tab.shown();
      if (!window.confirm(T.confirmDelete(this.nameOf(plan)))) return;
      this.save(true); /* read what is stored now: the undo brings back all of it */
      const gone = clone(this.tab.remove(plan.id));
      this.save();
      this.open(this.tab.latest() || this.tab.fresh(true, Date.now()));
      this.message(T.deleted(this.nameOf(gone)), { plan: gone.id, ops: [{ type: "create", plan: gone.id, copy: gone }] });
    },
    undo(btn) {
      const fromNotice = !!btn.closest("[data-notice]");
      const undo = fromNotice ? this.goneUndo && { plan: this.goneUndo.id, ops: [{ type: "create", plan: this.goneUndo.id, copy: this.goneUndo }] } : this.undo;
      if (!undo) return;
      if (fromNotice) this.goneUndo = null;
      else this.undo = null;
      this.views.notice("gone").hidden = true;
      this.save();
      const plan = undo.ops[0].copy;
      undo.ops.forEach((op) => { if (op.type === "create") this.tab.add(op.copy, false); else this.tab.edit(op); });
      this.open(undo.plan);
      this.save();
      this.message(undo.ops[0].type === "create" ? T.back(this.nameOf(this.tab.shown())) : T.otherBack, null);
      return plan;
    },
  };

  /* Pure parts for tests and for the file tools. */
  Checklist.logic = Object.assign({ UserError, T, emptyPlan, say: Views.say, rebuild: Views.rebuild }, parts.core, parts.document, { Tab });

  function define() {
    document.dispatchEvent(new CustomEvent("vgr:define", { detail: { module: "vgr-checklist", Component: Checklist } }));
  }
  define();
  document.addEventListener("vgr:boot", define);
})(typeof checklistParts === "object" ? checklistParts : module.exports);
