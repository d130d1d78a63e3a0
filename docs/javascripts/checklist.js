/* Planning checklist: the class Checklist enhances [data-module="vgr-checklist"]
   (started by boot.js) with saving in this browser, several plans, an
   overview, a review, printing and file tools. The form works and prints
   without it.

   Sync model. Every change is an operation that names the plan it was made
   in (the form carries the id of the plan it shows). A save re-reads storage
   and applies only this tab's pending operations to that fresh state, then
   writes it: nothing is written from a stale copy. A field with unsaved
   keystrokes is never overwritten from another tab; a field both tabs changed
   keeps both texts and says so; a plan deleted elsewhere while it is edited
   here comes back. The plan shown is per tab (sessionStorage).

   The pure logic (reading stored data, applying changes, the plan document
   every view renders) is in plain functions above the class; Checklist.logic
   hands it to tests and to checklist-files.js (Word, text, JSON files), which
   is loaded on demand. Classic script, no modules: it loads from file://. */
(function () {
  "use strict";

  const PREFIX = "vgr-kompetensutveckling:checklista:";
  const KEY = PREFIX + "v2";
  const OLD_KEY = PREFIX + "v1";
  const BACKUP = PREFIX + "oläsligt:";
  const SAVE_DELAY = 300;
  const ID = /^[a-z][a-z0-9-]{0,59}$/;
  const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
  const DATE = /^\d{4}-\d\d-\d\d$/;

  /* Everything the script says to the person (the file tools have their own). */
  const T = {
    untitled: "Namnlös plan",
    title: "Utbildningsplan",
    status: { todo: "Inte påbörjad", started: "Påbörjad", done: "Klar" },
    progress: (n, all) => `${n} av ${all} frågor klara`,
    heading: (n, text) => `Fråga ${n}: ${text}`,
    statusLine: (status) => `Status: ${status}`,
    pages: ["Sida ", " av "],
    noAnswer: "Inget svar ännu.",
    other: "Den andra texten (ändrad i en annan flik):",
    retired: "Svar på frågor som inte längre finns",
    source: (guideline, url, date) => `Från checklistan i ”${guideline}”, ${url}, ${date}.`,
    saved: (time) => `Sparat i webbläsaren kl. ${time}.`,
    notSaved: "Inte sparat.",
    listed: (name, date, gone) => `${name} – ändrad ${date}${gone ? " (borttagen i en annan flik)" : ""}`,
    created: "En ny, tom plan har skapats.",
    confirmDelete: (name) => `Ta bort planen ”${name}”? Ni kan ångra direkt efteråt.`,
    deleted: (name) => `Planen ”${name}” är borttagen.`,
    back: (name) => `Planen ”${name}” är tillbaka.`,
    keptGone: (name) => `Planen ”${name}” togs bort i en annan flik medan ni skrev i den. Den finns kvar, med det ni skrev.`,
    conflict: "En fråga ändrades samtidigt i en annan flik. Båda texterna finns kvar: se under frågan.",
    otherBack: "Den andra texten är tillbaka under frågan.",
    nothingChanged: " Inget har ändrats.",
    bug: "Det blev ett fel i checklistan, inte i filen. Ladda om sidan och försök igen.",
    filesFailed: "Det gick inte att ladda checklistans filverktyg. Ladda om sidan och försök igen.",
  };

  /** A problem to tell the person about in plain words (not a programming error). */
  class UserError extends Error {}
  UserError.prototype.name = "UserError";

  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const entries = (o) => (isObj(o) ? Object.entries(o) : []);
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const pad = (n) => String(n).padStart(2, "0");
  const day = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const clock = (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const newId = () => "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  const isDate = (t) => DATE.test(t) && new Date(t + "T12:00").getDate() === +t.slice(8);

  function emptyPlan(id) {
    return { id: id || newId(), updated: Date.now(), details: {}, answers: {}, questions: {}, done: {}, conflicts: {} };
  }

  /** The questions as the script uses them. labels: plan details' labels by id. */
  function makeModel(data, labels) {
    const model = { version: data.questionsVersion, details: data.details, labels, questions: data.questions, fields: {} };
    data.questions.forEach((q) => q.fields.forEach((f) => { model.fields[f.id] = f; }));
    return model;
  }

  const slot = (model, id) => (model.details.includes(id) ? "details" : "answers");
  const textOf = (plan, model, id) => (plan && plan[slot(model, id)][id]) || "";

  /** Answers with no current question: retired ones, in stored order. */
  function retiredIds(plan, model) {
    const ids = Object.keys(plan.answers).concat(Object.keys(plan.conflicts));
    return ids.filter((id, i) => ids.indexOf(id) === i && !model.fields[id] && !model.details.includes(id));
  }

  /** Put text in a plan under a field id; a retired answer never overwrites another text. */
  function putText(plan, model, id, text, question) {
    if (!text) return;
    if (model.details.includes(id)) { plan.details[id] = text; return; }
    let key = id;
    for (let n = 2; own(plan.answers, key) && plan.answers[key] !== text; n++) key = `${id}-${n}`;
    plan.answers[key] = text;
    if (question && !model.fields[key]) plan.questions[key] = question;
  }

  /** Set a field's text; keep what question it answered; drop copies the text now holds. */
  function setText(plan, model, id, text) {
    const where = slot(model, id);
    if (text) plan[where][id] = text;
    else delete plan[where][id];
    if (model.fields[id]) plan.questions[id] = model.fields[id].text;
    const others = (plan.conflicts[id] || []).filter((c) => !text.includes(c));
    if (others.length) plan.conflicts[id] = others;
    else delete plan.conflicts[id];
  }

  function addOther(plan, id, text) {
    const list = plan.conflicts[id] || (plan.conflicts[id] = []);
    if (!list.includes(text)) list.push(text);
  }

  /** A stored value as text: undefined when it cannot be read; flag.changed when it was not plain text. */
  function asText(v, flag) {
    if (typeof v === "string") return v;
    if (v == null) return "";
    flag.changed = true;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join("\n");
    return undefined;
  }

  /** One stored plan, read defensively; null when it is not a plan at all. */
  function readPlan(src, id, model, flag) {
    if (!isObj(src) || !PLAN_ID.test(id)) return null;
    const plan = emptyPlan(id);
    const part = (v) => {
      if (v != null && !isObj(v)) flag.changed = true;
      return entries(v);
    };
    if (Number.isFinite(src.updated)) plan.updated = src.updated;
    const keep = (key, value, question) => {
      const text = asText(value, flag);
      if (text === undefined || typeof key !== "string" || !ID.test(key)) flag.changed = true;
      else putText(plan, model, key, text, question);
    };
    for (const [k, v] of part(src.questions)) if (ID.test(k) && typeof v === "string") plan.questions[k] = v;
    for (const [k, v] of part(src.details)) {
      const text = asText(v, flag);
      if (model.details.includes(k) && typeof text === "string" && (k !== "date" || !text || isDate(text))) {
        if (text) plan.details[k] = text;
      } else {
        flag.changed = true;
        keep("uppgift-" + k, text, model.labels[k] || k);
      }
    }
    const answers = Array.isArray(src.answers)
      ? src.answers.map((a) => (isObj(a) ? [a.id, a.text, a.question] : [null]))
      : part(src.answers);
    const olds = Array.isArray(src.orphans) ? src.orphans : [];
    olds.forEach((o) => answers.push(isObj(o) ? [o.id, o.text, o.question] : [null]));
    for (const [k, v, q] of answers) keep(k, v, typeof q === "string" && q ? q : plan.questions[k]);
    for (const [k, v] of part(src.done)) {
      if (ID.test(k) && typeof v === "boolean") { if (v) plan.done[k] = true; } else flag.changed = true;
    }
    for (const [k, list] of part(src.conflicts)) {
      for (const v of [].concat(list)) {
        const text = asText(v, flag);
        if (text && ID.test(k)) addOther(plan, k, text);
        else if (text === undefined) flag.changed = true;
      }
    }
    return plan;
  }

  /** What is stored (this version's shape or the old v1 one), read defensively.
      damage: 0 all read, 1 some parts could not be read as they were, 2 nothing could. */
  function readState(raw, model) {
    const state = { current: null, plans: {} };
    if (raw == null || raw === "") return { state, damage: 0 };
    let doc;
    try { doc = JSON.parse(raw); } catch (e) { return { state, damage: 2 }; }
    if (!isObj(doc) || !isObj(doc.plans)) return { state, damage: 2 };
    const flag = { changed: false };
    for (const [id, src] of Object.entries(doc.plans)) {
      const plan = readPlan(src, id, model, flag);
      if (plan) state.plans[id] = plan;
      else flag.changed = true;
    }
    if (typeof doc.current === "string" && own(state.plans, doc.current)) state.current = doc.current;
    return { state, damage: flag.changed ? 1 : 0 };
  }

  /** Apply this tab's pending changes, in order, to the freshest stored state.
      known: this tab's copies of plans, to bring back a plan deleted elsewhere
      while it was being edited here. Returns what to tell the person. */
  function applyOps(state, ops, model, known, now) {
    const told = [];
    for (const op of ops) {
      let plan = own(state.plans, op.plan) ? state.plans[op.plan] : null;
      if (op.type === "delete") { delete state.plans[op.plan]; continue; }
      if (op.type === "create") { if (!plan) state.plans[op.plan] = clone(op.copy); continue; }
      if (!plan) {
        plan = state.plans[op.plan] = clone(own(known, op.plan) ? known[op.plan] : emptyPlan(op.plan));
        if (!told.some((t) => t.plan === op.plan)) told.push({ type: "restored", plan: op.plan });
      }
      if (op.type === "done") {
        if (op.value) plan.done[op.field] = true;
        else delete plan.done[op.field];
      } else if (op.type === "text") {
        const stored = textOf(plan, model, op.field);
        if (stored !== op.base && stored !== op.value && stored.trim() && !op.value.includes(stored)) {
          addOther(plan, op.field, stored);
          told.push({ type: "conflict", plan: op.plan, field: op.field });
        }
        setText(plan, model, op.field, op.value);
      } else if (op.type === "drop") {
        const rest = (plan.conflicts[op.field] || []).filter((c) => c !== op.text);
        if (rest.length) plan.conflicts[op.field] = rest;
        else delete plan.conflicts[op.field];
      } else if (op.type === "keep") {
        addOther(plan, op.field, op.text);
      }
      plan.updated = now;
    }
    return told;
  }

  function questionStatus(plan, q) {
    if (plan.done[q.id]) return "done";
    return q.fields.some((f) => (plan.answers[f.id] || "").trim()) ? "started" : "todo";
  }

  /** The plan as one document for every view of it: review, print, text, Markdown, Word. */
  function planDoc(plan, model, meta) {
    const field = (id, label) => ({ id, label, text: textOf(plan, model, id), others: plan.conflicts[id] || [] });
    return {
      title: T.title + (plan.details.name ? ": " + plan.details.name : ""),
      name: plan.details.name || "",
      details: model.details.map((id) => field(id, model.labels[id])),
      questions: model.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: q.text,
        status: T.status[questionStatus(plan, q)],
        heading: T.heading(i + 1, q.text),
        statusLine: T.statusLine(T.status[questionStatus(plan, q)]),
        fields: q.fields.map((f, j) => field(f.id, j ? f.text : "")),
      })),
      retired: retiredIds(plan, model).map((id) => field(id, plan.questions[id] || id)),
      retiredTitle: T.retired,
      noAnswer: T.noAnswer,
      pages: T.pages,
      other: T.other,
      guideline: meta.guideline,
      url: meta.url,
      date: meta.date,
      source: T.source(meta.guideline, meta.url, meta.date),
    };
  }

  const logic = {
    UserError, T, ID, PREFIX, own, isObj, entries, isDate, clone, day, makeModel, readState,
    applyOps, planDoc, questionStatus, retiredIds, emptyPlan, putText, addOther, say, rebuild,
  };

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

  const isQuota = (e) => e && (e.name === "QuotaExceededError" || e.code === 22 || e.code === 1014);

  class Checklist {
    constructor(root, { signal }) {
      const $ = (sel) => root.querySelector(sel);
      this.root = root;
      this.signal = signal;
      this.form = $("form");
      this.select = $("[data-plan-list]");
      this.file = $("[data-import]");
      this.status = $("[data-status]");
      const labels = {};
      this.form.querySelectorAll(".vgr-details [data-field]").forEach((el) => {
        labels[el.dataset.field] = el.labels[0].textContent;
      });
      this.model = makeModel(JSON.parse(root.dataset.checklist), labels);
      this.session = PREFIX + "aktuell:" + root.dataset.instance;
      this.pending = [];
      this.copies = {}; /* plans shown here but not in storage: new, or deleted elsewhere */
      this.saves = this.syncs = 0;
      this.grow = !(window.CSS && CSS.supports("field-sizing", "content"));

      root.classList.add("vgr-js");
      const on = (target, type, fn, opts) => target.addEventListener(type, fn, opts);
      on(this.form, "input", (e) => this.typed(e.target));
      on(this.form, "change", (e) => {
        const q = e.target.dataset.done;
        if (q) this.change({ type: "done", plan: this.form.dataset.plan, field: q, value: e.target.checked });
      });
      on(this.form, "submit", (e) => e.preventDefault());
      on(this.select, "change", () => {
        this.save();
        this.open(this.select.value);
        this.message("", null);
      });
      on(this.file, "change", () => {
        const file = this.file.files[0];
        this.file.value = "";
        if (file) this.withTools((tools) => tools.readFile(file, this.model, day(new Date())).then((got) => tools.imported(this, got, file.name)));
      });
      on($(".vgr-more"), "toggle", (e) => { if (e.target.open) this.tools().catch(() => {}); });
      on(root, "click", (e) => {
        const btn = e.target.closest("[data-action]");
        if (!btn) return;
        const action = btn.dataset.action;
        this.error("");
        if (this.actions[action]) this.actions[action].call(this, btn);
        else this.withTools((tools) => tools.actions[action](this, btn)); /* the rarer ones */
      });
      const opts = { signal };
      on(window, "storage", (e) => { if (e.key === KEY || e.key === null) this.sync(); }, opts);
      on(document, "vgr:checklist-saved", (e) => { if (e.detail !== this) this.sync(); }, opts);
      on(window, "pageshow", (e) => { if (e.persisted) this.sync(); }, opts);
      on(window, "pagehide", () => this.save(), opts);
      on(document, "visibilitychange", () => { if (document.hidden) this.save(); }, opts);
      on(window, "beforeprint", () => this.beforePrint(), opts);
      on(window, "afterprint", () => root.classList.remove("vgr-blank"), opts);

      const found = this.read();
      this.store = found ? found.state : { current: null, plans: {} };
      if (!found) this.failed("blocked");
      else if (found.damage || found.migrate) this.repair(found);
      const plans = this.store.plans;
      const id = [this.recall(), this.store.current, this.latest()].find((p) => own(plans, p));
      this.open(id || this.fresh(true));
      root.dataset.saves = this.saves;
      this.mark();
      this.dated();
    }

    destroy() {
      this.save();
    }

    /* --- storage --- */

    storage() {
      try { return window.localStorage || null; } catch (e) { return null; }
    }

    /** What is stored now, or null when storage cannot be used. */
    read() {
      let raw = null;
      let old = null;
      try {
        const s = this.storage();
        raw = s.getItem(KEY);
        if (raw == null) old = s.getItem(OLD_KEY);
      } catch (e) {
        return null;
      }
      const found = readState(raw != null ? raw : old, this.model);
      found.raw = raw != null ? raw : old;
      found.migrate = raw == null && old != null;
      return found;
    }

    /** Write state; true only when the browser kept it. */
    write(state) {
      try {
        localStorage.setItem(KEY, JSON.stringify({ version: 2, current: state.current, plans: state.plans }));
        this.problem(null);
        return true;
      } catch (e) {
        this.problem(isQuota(e) ? "full" : "blocked");
        return false;
      }
    }

    /** Keep an unreadable stored value aside, once, under a key of its own
        (never over another backup). False when it could not be kept. */
    keepAside(raw) {
      this.damaged = raw;
      try {
        const s = this.storage();
        let n = 1;
        for (let i = 0; i < s.length; i++) if (s.key(i).startsWith(BACKUP) && s.getItem(s.key(i)) === raw) return true;
        while (s.getItem(BACKUP + n) != null) n++;
        s.setItem(BACKUP + n, raw);
        return true;
      } catch (e) {
        this.problem(isQuota(e) ? "full" : "blocked");
        return false;
      }
    }

    /** Damaged or old-format data at start: keep the original aside, then write what could be read. */
    repair(found) {
      if (found.damage) {
        const notice = this.notice("damaged");
        notice.querySelectorAll("[data-damage]").forEach((p) => { p.hidden = +p.dataset.damage !== found.damage; });
        notice.hidden = false;
      }
      if (!found.damage || this.keepAside(found.raw)) this.save(true);
    }

    /** Save pending changes now: re-read, apply this tab's changes, write. */
    save(force) {
      clearTimeout(this.timer);
      /* A plan made for an empty page is written with its first edit, not before. */
      const ops = this.pending.filter((op) => !op.quiet || this.pending.some((o) => o !== op && o.plan === op.plan));
      if (!ops.length && !force) return;
      const found = this.read();
      if (!found) return this.failed("blocked");
      if (found.damage && !this.keepAside(found.raw)) return this.failed();
      const told = applyOps(found.state, ops, this.model, Object.assign({}, this.copies, this.store.plans), Date.now());
      if (own(found.state.plans, this.planId)) found.state.current = this.planId;
      if (!this.write(found.state)) return this.failed();
      if (found.migrate) try { localStorage.removeItem(OLD_KEY); } catch (e) { /* kept: harmless */ }
      this.pending = this.pending.filter((op) => !ops.includes(op));
      this.store = found.state;
      this.root.dataset.saves = ++this.saves;
      this.mark();
      if (ops.length) say(this.status, T.saved(clock(new Date())));
      document.dispatchEvent(new CustomEvent("vgr:checklist-saved", { detail: this }));
      told.forEach((t) => {
        if (t.type === "conflict") return this.message(T.conflict);
        this.notice("gone").hidden = true;
        this.message(T.keptGone(this.nameOf(this.store.plans[t.plan])));
      });
      if (this.planId) this.show();
    }

    failed(kind) {
      if (kind) this.problem(kind);
      say(this.status, T.notSaved);
      this.mark();
    }

    /** Another tab (or the back/forward cache) changed what is stored: show it under the rules. */
    sync() {
      const found = this.read();
      this.root.dataset.syncs = ++this.syncs; /* tests wait on it */
      if (!found) return;
      if (found.damage) this.keepAside(found.raw);
      const before = this.store;
      const id = this.planId;
      this.store = found.state;
      const notice = this.notice("gone");
      if (!own(this.store.plans, id) && own(before.plans, id)) {
        const plan = (this.copies[id] = before.plans[id]);
        if (this.pendingFor(id)) return this.save();
        this.goneUndo = { plan: id, ops: [{ type: "create", plan: id, copy: clone(plan) }] };
        say(notice.querySelector("[data-gone-name]"), this.nameOf(plan));
        notice.hidden = false;
      }
      if (own(this.store.plans, id)) notice.hidden = true;
      /* An empty page nobody has typed in follows the plan another tab started. */
      const only = this.pending.length === 1 && this.pending[0].quiet ? this.pending[0].plan : null;
      const next = [this.store.current, this.latest()].find((p) => own(this.store.plans, p));
      if (only === id && next) {
        this.pending = [];
        return this.open(next);
      }
      this.show();
    }

    recall() {
      try { return sessionStorage.getItem(this.session); } catch (e) { return null; }
    }

    remember(id) {
      try { sessionStorage.setItem(this.session, id); } catch (e) { /* per tab in memory only */ }
    }

    /* --- changes --- */

    /** Record a change in the plan it was made in; save a moment later. */
    change(op) {
      const same = this.pending.find((p) => p.type === op.type && p.plan === op.plan && p.field === op.field);
      if (same && (op.type === "text" || op.type === "done")) same.value = op.value;
      else {
        if (op.type === "text") op.base = textOf(this.planIn(op.plan), this.model, op.field);
        this.pending.push(op);
      }
      this.mark();
      this.show(true);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), SAVE_DELAY);
    }

    typed(el) {
      if (!el.dataset.field) return;
      this.change({ type: "text", plan: this.form.dataset.plan, field: el.dataset.field, value: el.value });
      if (this.grow) this.fit(el);
    }

    /** How many changes wait to be saved (tests wait on it, and on data-saves). */
    mark() {
      this.root.dataset.unsaved = this.pending.filter((op) => !op.quiet).length;
    }

    /** Whether this tab has unsaved keystrokes in a plan. */
    pendingFor(plan) {
      return this.pending.some((op) => op.plan === plan && (op.type === "text" || op.type === "done"));
    }

    /** A plan as stored or as known here (new, or deleted elsewhere). */
    planIn(id) {
      return own(this.store.plans, id) ? this.store.plans[id] : this.copies[id] || emptyPlan(id);
    }

    /** The plan shown, with this tab's unsaved changes in it. */
    shown() {
      const id = this.planId;
      const state = { plans: { [id]: clone(this.planIn(id)) } };
      applyOps(state, this.pending.filter((op) => op.plan === id), this.model, {}, Date.now());
      return state.plans[id] || emptyPlan(id);
    }

    nameOf(plan) {
      return plan.details.name || T.untitled;
    }

    /** Every plan this tab knows: stored ones and its own new ones not saved
        yet, without those it is deleting. */
    known() {
      const plans = Object.assign({}, this.store.plans);
      this.pending.forEach((op) => {
        if (op.type === "create" && !own(plans, op.plan)) plans[op.plan] = op.copy;
        if (op.type === "delete") delete plans[op.plan];
      });
      return plans;
    }

    latest() {
      const plans = Object.values(this.known()).sort((a, b) => b.updated - a.updated);
      return plans.length ? plans[0].id : null;
    }

    /** A new empty plan, in storage with the next save (at once unless quiet). */
    fresh(quiet) {
      return this.add(emptyPlan(), quiet);
    }

    add(plan, quiet) {
      this.copies[plan.id] = plan;
      this.pending.push({ type: "create", plan: plan.id, copy: plan, quiet });
      return plan.id;
    }

    /* --- showing --- */

    open(id) {
      if (id !== this.planId) this.notice("report").hidden = true;
      /* A plan made for an empty page and never typed in is not kept. */
      const left = this.pending.filter((op) => op.plan === this.planId);
      if (id !== this.planId && left.length === 1 && left[0].quiet) this.pending.splice(this.pending.indexOf(left[0]), 1);
      this.planId = id;
      this.remember(id);
      this.show();
    }

    /** Show the plan, with this tab's unsaved changes in it (so a refresh from
        storage never overwrites keystrokes not saved yet). local: only what
        follows from an edit here; the fields already hold it. */
    show(local) {
      const plan = this.shown();
      this.form.dataset.plan = plan.id;
      if (!local) {
        this.retiredFields(plan);
        this.form.querySelectorAll("[data-field]").forEach((el) => {
          setValue(el, textOf(plan, this.model, el.dataset.field));
          if (this.grow) this.fit(el);
        });
        this.form.querySelectorAll("[data-done]").forEach((box) => { box.checked = !!plan.done[box.dataset.done]; });
      }
      this.root.querySelectorAll("[data-conflicts]").forEach((box) => {
        rebuild(box, plan.conflicts[box.dataset.conflicts] || [], (text) => {
          const item = this.tpl("conflict", { "conflict-text": text });
          item.dataset.conflictText = text;
          return item;
        });
      });
      this.overview(plan);
      this.review(this.doc(plan));
      this.list(plan);
      say(this.root.querySelector("[data-print-name]"), plan.details.name ? ": " + plan.details.name : "");
    }

    doc(plan) {
      const url = this.root.querySelector("[data-print-url]").textContent;
      return planDoc(plan, this.model, { guideline: this.root.dataset.guideline, url, date: day(new Date()) });
    }

    fit(el) {
      if (el.tagName !== "TEXTAREA") return;
      el.style.height = "auto";
      el.style.height = el.scrollHeight + el.offsetHeight - el.clientHeight + "px";
    }

    /** A copy of one of the template's <template data-tpl> parts, its texts filled in. */
    tpl(name, texts) {
      const el = this.root.querySelector(`[data-tpl="${name}"]`).content.firstElementChild.cloneNode(true);
      for (const [key, text] of Object.entries(texts)) el.querySelector(`[data-${key}]`).textContent = text;
      return el;
    }

    /** Answers to questions that no longer exist: fields of their own, kept while typed in. */
    retiredFields(plan) {
      const ids = retiredIds(plan, this.model);
      const list = this.root.querySelector("[data-retired-list]");
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
      this.root.querySelector("[data-retired]").hidden = !ids.length;
    }

    overview(plan) {
      let done = 0;
      this.model.questions.forEach((q) => {
        const status = questionStatus(plan, q);
        const tag = this.root.querySelector(`[data-task="${q.id}"]`);
        if (status === "done") done++;
        say(tag, T.status[status]);
        tag.dataset.state = status;
      });
      say(this.root.querySelector("[data-progress]"), T.progress(done, this.model.questions.length));
    }

    /** The review: what the printout holds, read-only. */
    review(doc) {
      const $ = (sel) => this.root.querySelector(sel);
      const others = (box, list) => rebuild(box, list, (text) => this.tpl("sheet-other", { "sheet-text": text }));
      say($("[data-sheet-name]"), doc.name ? ": " + doc.name : "");
      doc.details.forEach((f) => say($(`[data-sheet-field="${f.id}"]`), f.text || "–"));
      doc.questions.forEach((q) => {
        say($(`[data-sheet-status="${q.id}"]`), q.status);
        q.fields.forEach((f) => {
          const answer = $(`[data-sheet-field="${f.id}"]`);
          say(answer, f.text);
          answer.hidden = !f.text;
          $(`[data-sheet-empty="${f.id}"]`).hidden = !!f.text;
          others($(`[data-sheet-others="${f.id}"]`), f.others);
        });
      });
      rebuild($("[data-sheet-retired-list]"), doc.retired, (f) => {
        const item = this.tpl("sheet-text", { "sheet-label": f.label, "sheet-text": f.text });
        others(item.querySelector("[data-sheet-others]"), f.others);
        return item;
      });
      $("[data-sheet-retired]").hidden = !doc.retired.length;
    }

    /** The plan chooser: every plan by name and last change, and the one shown. */
    list(plan) {
      const known = this.known();
      const plans = Object.values(known).filter((p) => p.id !== plan.id).concat(plan);
      plans.sort((a, b) => b.updated - a.updated);
      rebuild(this.select, plans.map((p) => {
        const d = new Date(p.updated);
        const gone = !own(known, p.id) && !this.pendingFor(p.id);
        return [p.id, T.listed(this.nameOf(p), `${day(d)} ${clock(d)}`, gone)];
      }), ([id, text]) => new Option(text, id));
      this.select.value = plan.id;
    }

    notice(name) {
      return this.root.querySelector(`[data-notice="${name}"]`);
    }

    /** The storage warning: null (none), "blocked" or "full". */
    problem(kind) {
      this.notice("blocked").hidden = kind !== "blocked";
      this.notice("full").hidden = kind !== "full";
    }

    /** A message in the status line; undo (or null) is what its "Ångra" brings back. */
    message(text, undo) {
      if (undo !== undefined) this.undo = undo;
      say(this.root.querySelector("[data-message]"), text);
      this.root.querySelector(".vgr-bar [data-action=undo]").hidden = !(text && this.undo);
    }

    error(text) {
      say(this.root.querySelector("[data-error]"), text);
    }

    /** The date on paper is the day it is printed. It ends its line, full
        stop included, so filling it in moves nothing on the page. */
    dated() {
      say(this.root.querySelector("[data-print-date]"), day(new Date()) + ".");
    }

    beforePrint() {
      this.save();
      this.dated();
      this.show();
      this.blankIfEmpty();
    }

    /** A plan with nothing in it prints as the blank form, to fill in by hand
        (a review of "Inget svar ännu" helps nobody at a meeting). */
    blankIfEmpty() {
      const doc = this.doc(this.shown());
      const fields = doc.details.concat(...doc.questions.map((q) => q.fields));
      const empty = !fields.some((f) => f.text) && !doc.retired.length;
      if (empty) this.root.classList.add("vgr-blank");
    }

    /** The file tools (checklist-files.js), loaded the first time they are needed. */
    tools() {
      if (!this.loading) {
        this.loading = new Promise((resolve, reject) => {
          let got = false;
          const take = (e) => { got = true; resolve(e.detail.make(logic)); };
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
  }

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
      this.open(this.fresh(false));
      this.save();
      this.message(T.created, null);
    },
    delete() {
      const plan = this.shown();
      if (!window.confirm(T.confirmDelete(this.nameOf(plan)))) return;
      this.save();
      this.pending.push({ type: "delete", plan: plan.id });
      this.save();
      delete this.copies[plan.id];
      this.open(this.latest() || this.fresh(true));
      this.message(T.deleted(this.nameOf(plan)), { plan: plan.id, ops: [{ type: "create", plan: plan.id, copy: plan }] });
    },
    undo(btn) {
      const gone = !!btn.closest("[data-notice]");
      const undo = gone ? this.goneUndo : this.undo;
      if (!undo) return;
      this[gone ? "goneUndo" : "undo"] = null;
      this.notice("gone").hidden = true;
      this.save();
      const plan = undo.ops[0].copy;
      if (plan) this.copies[plan.id] = plan;
      this.pending.push(...undo.ops);
      this.open(undo.plan);
      this.save();
      this.message(plan ? T.back(this.nameOf(this.shown())) : T.otherBack, null);
    },
  };

  Checklist.logic = logic;

  function define() {
    document.dispatchEvent(new CustomEvent("vgr:define", { detail: { module: "vgr-checklist", Component: Checklist } }));
  }
  define(); document.addEventListener("vgr:boot", define);
})();
