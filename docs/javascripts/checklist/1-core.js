/* Checklist, part 1: the sync core. Its one job: decide, from what storage
   holds, this tab's own changes and the event that happened, what this tab
   writes, what it shows and what it tells the person. No storage, DOM or
   clock in here: they are passed in (part 5 is the adapter that does that).

   Every change is an operation in the plan it was made in. A save re-reads
   storage and applies only this tab's own operations to it. Each field keeps,
   per tab that wrote it lately, the number of that tab's latest write it
   includes (a version vector). So a tab can tell, on a later read, whether
   another tab wrote over its text without having read it (two tabs'
   read-modify-write interleaving, or a stale copy of storage): then the text
   is written again and the other text kept beside it. A field the person is
   typing in is never changed under their fingers (the tab "holds" it).

   Runs joined into javascripts/checklist.js (a classic script: file:// works)
   and under Node for the simulation (tests/sim/run.js). */
(function (parts) {
  "use strict";

  const ID = /^[a-z][a-z0-9-]{0,59}$/;
  const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
  const DATE = /^\d{4}-\d\d-\d\d$/;
  const TRACK_MS = 60e3; /* how long a tab watches that its writes stay in storage */
  const TOMB_MS = 30 * 864e5;
  const PLAN_KEYS = ["id", "updated", "details", "answers", "questions", "done", "conflicts", "revs", "times", "orphans"];
  const TOP_KEYS = ["version", "current", "plans", "deleted"];

  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const entries = (o) => (isObj(o) ? Object.entries(o) : []);
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const isDate = (t) => DATE.test(t) && new Date(t + "T12:00").getDate() === +t.slice(8);

  function emptyPlan(id, now) {
    return { id, updated: now, details: {}, answers: {}, questions: {}, done: {}, conflicts: {}, revs: {}, times: {}, extra: {} };
  }

  /** The questions as the script uses them. labels: plan details' labels by id. */
  function makeModel(data, labels) {
    const model = { version: data.questionsVersion, details: data.details, labels, questions: data.questions, fields: {} };
    data.questions.forEach((q) => q.fields.forEach((f) => { model.fields[f.id] = f; }));
    return model;
  }

  const slot = (model, id) => (model.details.includes(id) ? "details" : "answers");
  const textOf = (plan, model, id) => (plan && plan[slot(model, id)][id]) || "";
  const copiesOf = (plan, id) => (plan && plan.conflicts[id]) || [];

  /** Whether a text is in a field: in the answer or in a kept copy. */
  const present = (plan, model, id, text) =>
    !text || textOf(plan, model, id).includes(text) || copiesOf(plan, id).some((c) => c.text.includes(text));

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

  /** Keep a copy of a text beside a field's answer: never twice, never one the
      answer or another copy already holds whole (then nothing is lost). */
  function addCopy(plan, model, id, copy) {
    if (!copy.text || !copy.text.trim() || present(plan, model, id, copy.text)) return false;
    const list = copiesOf(plan, id).filter((c) => !copy.text.includes(c.text));
    list.push(copy);
    plan.conflicts[id] = list;
    return true;
  }

  /** Set a field's text; keep what question it answered; drop copies the text now holds. */
  function setText(plan, model, id, text) {
    const where = slot(model, id);
    if (text) plan[where][id] = text;
    else delete plan[where][id];
    if (model.fields[id]) plan.questions[id] = model.fields[id].text;
    const others = copiesOf(plan, id).filter((c) => !text.includes(c.text));
    if (others.length) plan.conflicts[id] = others;
    else delete plan.conflicts[id];
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

  const stamp = (v) => (isObj(v) && Number.isFinite(v.at) ? { at: v.at, by: typeof v.by === "string" ? v.by : "" } : null);

  /** One stored plan, read defensively; null when it is not a plan at all.
      Keys this version does not know are kept as they were (plan.extra). */
  function readPlan(src, id, model, flag) {
    if (!isObj(src) || !PLAN_ID.test(id)) return null;
    const plan = emptyPlan(id, 0);
    const part = (v) => {
      if (v != null && !isObj(v)) flag.changed = true;
      return entries(v);
    };
    if (Number.isFinite(src.updated)) plan.updated = src.updated;
    for (const [k, v] of Object.entries(src)) if (!PLAN_KEYS.includes(k)) plan.extra[k] = v;
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
    for (const [k, vv] of part(src.revs)) {
      const ok = entries(vv).filter(([, v]) => Array.isArray(v) && Number.isFinite(v[0]) && Number.isFinite(v[1]));
      if (ok.length) plan.revs[k] = Object.fromEntries(ok);
    }
    for (const [k, v] of part(src.times)) if (stamp(v)) plan.times[k] = stamp(v);
    for (const [k, list] of part(src.conflicts)) {
      for (const v of [].concat(list)) {
        const text = asText(isObj(v) ? v.text : v, flag);
        if (text && ID.test(k)) addCopy(plan, model, k, Object.assign({ text }, stamp(v) || { at: plan.updated, by: "" }));
        else if (text === undefined) flag.changed = true;
      }
    }
    return plan;
  }

  /** What is stored, read defensively: { state, damage } with damage 0 (all
      read), 1 (some parts could not be read as they were) or 2 (nothing could).
      old: the value under the previous version's key, merged in (a tab still
      running that version may write there after the upgrade). */
  function readState(raw, model, old) {
    const state = { current: null, plans: {}, deleted: {}, extra: {} };
    let damage = 0;
    if (raw != null && raw !== "") {
      let doc;
      try { doc = JSON.parse(raw); } catch (e) { doc = null; }
      if (!isObj(doc) || !isObj(doc.plans)) damage = 2;
      else {
        const flag = { changed: false };
        for (const [k, v] of Object.entries(doc)) if (!TOP_KEYS.includes(k)) state.extra[k] = v;
        for (const [id, src] of Object.entries(doc.plans)) {
          const plan = readPlan(src, id, model, flag);
          if (plan) state.plans[id] = plan;
          else flag.changed = true;
        }
        for (const [id, t] of entries(doc.deleted)) {
          if (PLAN_ID.test(id) && isObj(t) && Number.isFinite(t.at) && !own(state.plans, id)) {
            state.deleted[id] = { at: t.at, revs: isObj(t.revs) ? t.revs : {} };
            if (isObj(t.plan)) state.deleted[id].plan = t.plan;
          }
        }
        if (typeof doc.current === "string" && own(state.plans, doc.current)) state.current = doc.current;
        damage = flag.changed ? 1 : 0;
      }
    }
    if (old != null && old !== "") {
      const prior = readState(old, model, null);
      if (prior.damage) damage = Math.max(damage, 1);
      for (const [id, plan] of Object.entries(prior.state.plans)) {
        const here = state.plans[id];
        if (!here) { if (!own(state.deleted, id)) state.plans[id] = plan; continue; }
        for (const f of Object.keys(Object.assign({}, plan.answers, plan.details))) {
          addCopy(here, model, f, { text: textOf(plan, model, f), at: plan.updated, by: "" });
        }
      }
    }
    return { state, damage };
  }

  const writePlan = (p) => Object.assign({}, p.extra, {
    id: p.id, updated: p.updated, details: p.details, answers: p.answers, questions: p.questions,
    done: p.done, conflicts: p.conflicts, revs: p.revs, times: p.times,
  });

  /** The state as stored: unknown parts as they came; old tombstones dropped,
      a deleted plan's content after two minutes. */
  function writeState(state, now) {
    const plans = {};
    for (const [id, p] of Object.entries(state.plans)) plans[id] = writePlan(p);
    const deleted = {};
    for (const [id, t] of Object.entries(state.deleted)) {
      if (now - t.at < 2 * TRACK_MS) deleted[id] = t;
      else if (now - t.at < TOMB_MS) deleted[id] = { at: t.at, revs: t.revs };
    }
    return JSON.stringify(Object.assign({}, state.extra, { version: 2, current: state.current, plans, deleted }));
  }

  /** The lineage key of an operation: which write ids prove it was seen. */
  const keyOf = (op) => (op.type === "text" ? op.field : op.type === "done" ? "done:" + op.field
    : op.type === "drop" || op.type === "keep" ? "copies:" + op.field : "plan");

  const stampOf = (plan, id) => plan.times[id] || { at: plan.updated, by: "" };

  /** Version vectors merged: the newer write of each tab; old entries dropped. */
  function mergeVv(a, b, now) {
    const out = {};
    for (const vv of [a, b]) {
      for (const [t, v] of entries(vv)) if ((!out[t] || out[t][0] < v[0]) && now - v[1] < 2 * TRACK_MS) out[t] = v;
    }
    return out;
  }

  /** Whether a field's vector has a write its base did not have. */
  const moved = (stored, base) => Object.entries(stored || {}).some(([t, v]) => !base[t] || base[t][0] < v[0]);

  /** Apply one operation to a state; returns what to tell the person, or null.
      w: this write's number, tab: this tab's id. */
  function applyOp(state, op, model, known, now, w, tab) {
    let plan = own(state.plans, op.plan) ? state.plans[op.plan] : null;
    const tomb = state.deleted[op.plan];
    const mark = (key) => { plan.revs[key] = mergeVv(plan.revs[key], { [tab]: [w, now] }, now); };
    if (op.type === "delete") {
      if (!plan) return null;
      mark("plan");
      /* The plan's content stays a little while, for a tab that writes in it
         without having seen the deletion: it brings back all of it. */
      state.deleted[op.plan] = { at: now, revs: plan.revs, plan: writePlan(plan) };
      delete state.plans[op.plan];
      if (state.current === op.plan) state.current = null;
      return null;
    }
    let told = null;
    /* A plan brought back (undo, or written in elsewhere) comes back as it was deleted. */
    const kept = !plan && tomb && tomb.plan && readPlan(tomb.plan, op.plan, model, { changed: false });
    if (op.type === "create") {
      if (plan) {
        /* Brought back ("Ångra") while a tab that had not seen the deletion
           has stored an older copy of it again: what that copy lacks is
           kept beside its answers. */
        const texts = entries(Object.assign({}, op.copy.answers, op.copy.details)).map(([f, text]) => [f, { text, at: op.copy.updated, by: "" }]);
        entries(op.copy.conflicts).forEach(([f, list]) => [].concat(list).forEach((c) => texts.push([f, c])));
        texts.forEach(([f, copy]) => { if (addCopy(plan, model, f, copy)) mark("copies:" + f); });
        for (const [k, vv] of entries(op.copy.revs)) plan.revs[k] = mergeVv(plan.revs[k], vv, now); /* the deletion too */
        return null;
      }
      plan = state.plans[op.plan] = kept || clone(op.copy);
      plan.extra = plan.extra || {};
    } else if (!plan) {
      plan = state.plans[op.plan] = kept || clone(own(known, op.plan) ? known[op.plan] : emptyPlan(op.plan, now));
      if (tomb) told = { type: "restored", plan: op.plan };
    }
    if (tomb) {
      for (const [k, vv] of entries(tomb.revs)) plan.revs[k] = mergeVv(plan.revs[k], vv, now);
      delete state.deleted[op.plan];
    }
    if (op.type === "create") mark("plan");
    else if (op.type === "done") {
      if (op.value) plan.done[op.field] = true;
      else delete plan.done[op.field];
    } else if (op.type === "text") {
      const stored = textOf(plan, model, op.field);
      const base = op.base;
      const changed = !base || base.text !== stored || moved(plan.revs[op.field], base.vv);
      const was = Object.assign({ text: stored }, stampOf(plan, op.field));
      setText(plan, model, op.field, op.value);
      if (changed && addCopy(plan, model, op.field, was)) told = { type: "conflict", plan: op.plan, field: op.field };
      plan.times[op.field] = { at: now, by: tab };
    } else if (op.type === "drop") {
      const rest = copiesOf(plan, op.field).filter((c) => c.text !== op.text);
      if (rest.length) plan.conflicts[op.field] = rest;
      else delete plan.conflicts[op.field];
    } else if (op.type === "keep") {
      addCopy(plan, model, op.field, op.copy);
    }
    if (op.type !== "create") mark(keyOf(op));
    plan.updated = now;
    return told;
  }

  /** Whether storage shows that a write of this tab was seen (kept, or
      knowingly changed or deleted by whoever wrote after it). */
  function confirmed(state, model, s, tab) {
    const plan = own(state.plans, s.op.plan) ? state.plans[s.op.plan] : null;
    const tomb = state.deleted[s.op.plan];
    const seen = (vv) => !!vv && !!vv[tab] && vv[tab][0] >= s.w;
    const key = keyOf(s.op);
    if (s.op.type === "delete") return !plan || seen(plan.revs.plan);
    if (s.op.type === "create") return !!plan || !!tomb;
    if (!plan) return !!tomb && seen(tomb.revs[key]);
    if (seen(plan.revs[key])) return true;
    return s.op.type === "text" && present(plan, model, s.op.field, s.op.value);
  }

  parts.core = {
    ID, PLAN_ID, TRACK_MS, own, isObj, entries, clone, isDate, emptyPlan, makeModel, slot, textOf,
    copiesOf, present, retiredIds, putText, addCopy, setText, readPlan, readState, writeState, keyOf, applyOp, confirmed,
  };
})(typeof checklistParts === "object" ? checklistParts : module.exports);
