/* Deterministic simulation of the checklist's sync core (the real code in
   docs/javascripts/checklist/1-core.js and 2-tab.js) over one shared storage.
   One job: drive 2-4 tabs through random schedules and check the promises
   after every step; print the seed of any failure so it replays exactly.

   Usage: node tests/sim/run.js [--schedules N] [--seed S] [--steps K] [--trace]
   Schedule i runs with seed S+i; a failure prints "replay: --seed X --schedules 1".

   The storage model is Chromium's: every tab reads its own cached copy of
   localStorage; another tab's write reaches that copy late (in write order,
   and a tab's own write supersedes older ones still on their way); the
   storage event that follows may come late, twice, out of order or never;
   focus and pageshow re-read. Writes can fail (a full storage) for a while.

   Checked after every step: every sentence typed and saved is, in storage, in
   the plan it was typed in (in the answer or in a kept copy), or still with
   the tab that typed it, which writes it again; it is in no other plan (but
   copies made by "Gör en kopia"); a kept copy never repeats the answer or
   another copy; a tab that says "Sparat" shows only what its storage holds;
   while a person types, their box changes only by their keys; "Lägg till"
   and "Ta bort" leave exactly the chosen text. After settling (every tab
   out of its field, every update delivered): every saved sentence is in
   storage, whole, every tab shows what storage holds, and no tab has a write
   left unconfirmed. Sentences a person erased (a fill over them, "Ta bort")
   are no longer required, nor those deleted with their plan (a stale copy
   of the plan may be stored again meanwhile) until the plan is brought back:
   by "Ångra", or by a tab writing in it that learnt its content while
   storage kept it, it comes back whole; by a tab that never did, as that
   tab knew it (see commit()). */
"use strict";

const path = require("path");
const dir = path.join(__dirname, "..", "..", "docs", "javascripts", "checklist");
const core = require(path.join(dir, "1-core.js")).core;
const { Tab } = require(path.join(dir, "2-tab.js"));

const MODEL = core.makeModel({
  questionsVersion: 1,
  details: ["name"],
  questions: [
    { id: "varfor", text: "Varför?", fields: [{ id: "varfor", text: "Varför?" }, { id: "effekt", text: "Effekt?" }] },
    { id: "hur", text: "Hur?", fields: [{ id: "hur", text: "Hur?" }] },
  ],
}, { name: "Namn" });
const FIELDS = ["name", "varfor", "effekt", "hur"];
/* The longest a write takes to reach another tab's copy of storage (ms, as the
   simulated clock runs: each step is 1-400 ms). A tab watches its own writes
   for core.TRACK_MS (60 s), far longer. */
const MAX_LAG = 3000;
/* The pause after which a field the person is in may take another tab's addition (2-tab.js). */
const PAUSE = 2000;

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

class Failure extends Error {}

function schedule(seed, steps, trace) {
  const r = rng(seed);
  const log = [];
  const note = (s) => { log.push(s); if (trace) console.log(s); };
  let truth = null;
  let clock = 1_700_000_000_000;
  let planSeq = 0;
  const sentences = []; /* { text, tab, plan, field, saved, erased, gone: { plan, at } of the deletion } */
  const allowed = {}; /* sentence text -> plans it may be in (copies, imports) */
  const count = 2 + r.int(3);
  const tabs = [];

  let pages = 0;
  function makeTab(i, session, recalled) {
    const t = new Tab(MODEL, `t${i}-${++pages}`, session, () => `p${++planSeq}`);
    const sim = tabs[i] || { i, queue: [], frozen: false, full: false, typing: null, session: null };
    sim.tab = t;
    sim.cache = truth;
    sim.queue = [];
    const state = core.readState(sim.cache, MODEL).state;
    sim.had = {}; /* a new page knows nothing of what the old one read */
    learn(sim, state);
    t.load(state, recalled, clock);
    tabs[i] = sim;
    return sim;
  }
  for (let i = 0; i < count; i++) makeTab(i, {}, null);

  const planText = (plan, f) => (plan ? [core.textOf(plan, MODEL, f)].concat(core.copiesOf(plan, f).map((c) => c.text)) : []);
  /* A tab reading storage for a sync only looks (a save gets its own fresh copy). */
  const seen = new Map();
  const readOnly = (raw) => {
    if (!seen.has(raw)) {
      if (seen.size > 8) seen.delete(seen.keys().next().value);
      seen.set(raw, core.readState(raw, MODEL).state);
    }
    return seen.get(raw);
  };
  const truthState = () => readOnly(truth);

  /* A deleted plan's content stays in storage two minutes, so that "Ångra",
     or a tab writing in the plan meanwhile, brings back all of it (s.gone:
     the deletion whose kept content held the sentence). A tab that writes in
     it later can only bring back what it learnt of it: sim.had[plan] is
     what a tab last learnt, "live", or deleted, with the content storage
     kept of that deletion ({ at }) or without ("blind"). */
  function seenIn(state) {
    const deleted = Object.entries(state.deleted).map(([p, tomb]) => [p, !!tomb.plan, tomb.at]);
    return { live: Object.keys(state.plans), deleted };
  }
  function learn(sim, state) {
    const seen = state.live ? state : seenIn(state);
    seen.live.forEach((p) => { sim.had[p] = "live"; });
    seen.deleted.forEach(([p, kept, at]) => { if (sim.had[p] === "live") sim.had[p] = kept ? { at } : "blind"; });
  }
  const holds = (plan, s) => planText(plan, s.field).some((x) => x.includes(s.text));

  /* Write a draft. A plan deleted is deleted with what it held; brought
     back, it holds all of it again, but from a tab blind to that: without
     it, what the person deleted, not a loss. */
  function commit(sim, seen, d, keepQueue) {
    const blind = seen.deleted.filter(([p, kept, at]) => !kept && !(sim.had[p] && sim.had[p].at === at)).map(([p]) => p);
    const was = Object.fromEntries(seen.deleted.map(([p, , at]) => [p, at]));
    Object.entries(d.state.deleted).filter(([p, tomb]) => tomb.plan && was[p] !== tomb.at).forEach(([p, tomb]) => {
      const plan = core.readPlan(tomb.plan, p, MODEL, { changed: false });
      sentences.forEach((s) => { if (s.plan === p && holds(plan, s)) s.gone = { plan: p, at: tomb.at }; });
    });
    truth = sim.cache = d.text;
    /* A tab's own write supersedes older ones on their way; the remove step
       has always left them (so that kept seeds replay as they were found). */
    if (!keepQueue) sim.queue = [];
    sim.tab.commit(d, clock);
    seen.deleted.filter(([p]) => core.own(d.state.plans, p)).forEach(([p, , at]) => {
      const whole = !blind.includes(p);
      if (!whole) note(`  t${sim.i} brings back ${p} as it last read it`);
      sentences.forEach((s) => {
        if (s.gone && s.gone.plan === p && s.gone.at === at) { s.gone = null; s.erased = s.erased || !whole; }
      });
    });
    learn(sim, seen);
    learn(sim, d.state);
    tabs.forEach((o) => { if (o !== sim) o.queue.push({ value: d.text, due: clock + r.int(MAX_LAG) }); });
  }

  function write(sim) {
    const t = sim.tab;
    const state = core.readState(sim.cache, MODEL).state;
    const seen = seenIn(state);
    const d = t.draft(state, clock, false);
    if (!d) return false;
    if (sim.full) { t.failing = true; note(`  t${sim.i} write failed (full)`); return false; }
    commit(sim, seen, d);
    sentences.forEach((s) => {
      if (s.tab === sim.i && s.done && !s.saved) {
        s.saved = d.ops.some((op) => op.type === "text" && op.plan === s.plan && op.field === s.field && op.value.includes(s.text));
      }
    });
    return true;
  }

  function sync(sim) {
    const state = readOnly(sim.cache);
    learn(sim, state);
    const res = sim.tab.sync(state, clock);
    res.told.forEach((x) => {
      if (x.type === "gone" && r.chance(0.3)) { /* the person undoes the deletion from the notice */
        sim.tab.add(core.clone(x.copy), false);
        note(`  t${sim.i} undoes deletion of ${x.plan}`);
      }
    });
    if (res.save) write(sim);
  }

  /* The oldest update on its way reaches the tab's copy; its storage event may be lost or come twice. */
  function deliver(sim) {
    if (!sim.queue.length) return;
    sim.cache = sim.queue.shift().value;
    if (r.chance(0.8)) sync(sim);
    if (r.chance(0.1)) sync(sim);
  }

  function shownField(sim, f) {
    return core.textOf(sim.tab.shown(), MODEL, f);
  }

  function markErased(sim, f, text) {
    sentences.forEach((s) => { if (s.plan === sim.tab.planId && s.field === f && text.includes(s.text)) s.erased = true; });
  }

  const actions = [
    [30, function type(sim) {
      const t = sim.tab;
      let ty = sim.typing;
      /* A sentence is typed in one go: if the tab left the field meanwhile (another
         plan, the page left), the half typed is not followed further. */
      if (ty && (ty.plan !== t.planId || t.active !== ty.field)) { ty.erased = true; ty = null; }
      if (!ty) {
        const f = r.pick(FIELDS);
        const s = { text: ` <${sim.i}.${sentences.length}>`, tab: sim.i, plan: t.planId, field: f, at: 0, saved: false, done: false, erased: false };
        sentences.push(s);
        allowed[s.text] = [t.planId];
        ty = sim.typing = s;
      }
      t.focus(ty.field);
      /* While the person types, the box changes only by their keys. After a
         pause it may take what another tab added after it; then the person
         reads the new text and goes on typing a new sentence at its end. */
      let box = shownField(sim, ty.field);
      if (ty.at > 0 && box !== ty.box) {
        if (clock - ty.last < PAUSE) throw new Failure(`t${sim.i}'s box changed while typing: ${JSON.stringify(ty.box)} -> ${JSON.stringify(box)}`);
        ty.erased = true;
        const s = { text: ` <${sim.i}.${sentences.length}>`, tab: sim.i, plan: t.planId, field: ty.field, at: 0, saved: false, done: false, erased: false };
        sentences.push(s);
        allowed[s.text] = [t.planId];
        ty = sim.typing = s;
        box = shownField(sim, ty.field);
      }
      ty.last = clock;
      if (ty.at === 0) ty.caret = box.length;
      const value = box.slice(0, ty.caret) + ty.text[ty.at++] + box.slice(ty.caret);
      ty.caret++;
      ty.box = value;
      t.edit({ type: "text", plan: ty.plan, field: ty.field, value }, clock);
      if (ty.at === ty.text.length) { ty.done = true; sim.typing = null; if (r.chance(0.3)) t.release(); }
    }],
    [4, function fill(sim) {
      if (sim.typing) return;
      const t = sim.tab;
      const f = r.pick(FIELDS);
      t.focus(f);
      markErased(sim, f, shownField(sim, f));
      const s = { text: ` [${sim.i}.${sentences.length}]`, tab: sim.i, plan: t.planId, field: f, saved: false, done: true, erased: false };
      sentences.push(s);
      allowed[s.text] = [t.planId];
      t.edit({ type: "text", plan: t.planId, field: f, value: s.text }, clock);
      t.release();
    }],
    [14, function save(sim) { write(sim); }],
    [14, function arrive(sim) { deliver(sim); }],
    [3, function strayEvent(sim) { sync(sim); }],
    [4, function refocus(sim) { sim.cache = truth; sim.queue = []; sync(sim); }],
    [2, function freeze(sim) { write(sim); sim.tab.release(); sim.frozen = true; }], /* pagehide */
    [2, function reload(sim) {
      if (sim.typing) return;
      write(sim);
      const session = JSON.parse(JSON.stringify(sim.tab.session()));
      makeTab(sim.i, session, sim.tab.planId);
    }],
    [2, function newPlan(sim) {
      if (sim.typing) return;
      write(sim);
      sim.tab.open(sim.tab.fresh(false, clock));
      write(sim);
    }],
    [2, function duplicate(sim) {
      if (sim.typing) return;
      write(sim);
      const copy = core.clone(sim.tab.shown());
      copy.id = `p${++planSeq}`;
      planText(copy, "varfor").concat(...FIELDS.map((f) => planText(copy, f))).forEach((text) => {
        sentences.forEach((s) => { if (text.includes(s.text)) allowed[s.text].push(copy.id); });
      });
      sim.tab.open(sim.tab.add(copy, false));
      write(sim);
    }],
    [2, function remove(sim) {
      if (sim.typing) return;
      const t = sim.tab;
      const state = core.readState(sim.cache, MODEL).state;
      const seen = seenIn(state);
      const d = t.draft(state, clock, true);
      if (d && !sim.full) commit(sim, seen, d, true);
      sentences.forEach((x) => { if (x.tab === sim.i && x.plan === t.planId && !x.saved) x.erased = true; });
      const id = t.planId;
      const plan = t.remove(id);
      sim.undo = plan;
      t.open(t.latest() || t.fresh(true, clock));
      write(sim);
    }],
    [1, function undo(sim) {
      if (!sim.undo || sim.typing) return;
      const plan = sim.undo;
      sim.undo = null;
      sim.tab.add(plan, false);
      sim.tab.open(plan.id);
      write(sim);
    }],
    [2, function choose(sim) {
      if (sim.typing) return;
      const ids = Object.keys(sim.tab.known());
      if (ids.length) sim.tab.open(r.pick(ids));
    }],
    [2, function conflictChoice(sim) {
      if (sim.typing) return;
      const t = sim.tab;
      const plan = t.shown();
      const f = FIELDS.find((x) => core.copiesOf(plan, x).length);
      if (!f) return;
      const copy = r.pick(core.copiesOf(plan, f));
      t.focus(f);
      if (r.chance(0.5)) {
        const box = core.textOf(plan, MODEL, f);
        t.edit({ type: "text", plan: t.planId, field: f, value: box ? box + "\n\n" + copy.text : copy.text }, clock);
        t.edit({ type: "drop", plan: t.planId, field: f, text: copy.text });
        if (!core.textOf(t.shown(), MODEL, f).includes(copy.text)) throw new Failure(`"Lägg till" did not put the text in the answer (t${sim.i})`);
      } else {
        markErased(sim, f, copy.text);
        t.edit({ type: "drop", plan: t.planId, field: f, text: copy.text });
        if (core.copiesOf(t.shown(), f).some((c) => c.text === copy.text)) throw new Failure(`"Ta bort" left the text (t${sim.i})`);
      }
      t.release();
    }],
    [2, function storageFull(sim) { sim.full = !sim.full; }],
  ];
  const total = actions.reduce((n, a) => n + a[0], 0);

  function check(final) {
    const state = truthState();
    for (const [id, plan] of Object.entries(state.plans)) {
      for (const f of FIELDS) {
        const answer = core.textOf(plan, MODEL, f);
        const copies = core.copiesOf(plan, f).map((c) => c.text);
        copies.forEach((c, i) => {
          if (answer.includes(c)) throw new Failure(`copy in ${id}/${f} duplicates the answer: ${JSON.stringify(c)}`);
          if (copies.some((o, j) => j !== i && o.includes(c))) throw new Failure(`copy in ${id}/${f} twice: ${JSON.stringify(c)}`);
        });
      }
    }
    for (const s of sentences) {
      if (!s.saved || s.erased) continue;
      const plan = state.plans[s.plan];
      for (const [id, p] of Object.entries(state.plans)) {
        if (allowed[s.text].includes(id)) continue;
        if (FIELDS.some((f) => planText(p, f).some((x) => x.includes(s.text)))) throw new Failure(`sentence ${s.text} from ${s.plan} is in plan ${id}`);
      }
      if (!plan && state.deleted[s.plan]) continue;
      if (s.gone) continue; /* deleted with its plan (a stale copy of the plan may show again) */
      if (plan && planText(plan, s.field).some((x) => x.includes(s.text))) continue;
      const t = tabs[s.tab].tab;
      const held = t.pending.concat(t.sent.map((x) => x.op))
        .some((op) => op.plan === s.plan && op.field === s.field
          && ((op.type === "text" && op.value.includes(s.text)) || (op.type === "keep" && op.copy.text.includes(s.text))));
      if (!final && held) continue;
      throw new Failure(`sentence ${s.text} typed in t${s.tab} (${s.plan}/${s.field}) is lost${final ? " after settling" : ""}`);
    }
    for (const sim of tabs) {
      const t = sim.tab;
      if (t.unsaved() || t.failing || t.pending.some((op) => op.hold)) continue;
      const shown = t.shown();
      const stored = t.store.plans[t.planId] || t.copies[t.planId];
      for (const f of FIELDS) {
        const have = planText(stored, f);
        planText(shown, f).filter(Boolean).forEach((x) => {
          if (!have.includes(x)) throw new Failure(`t${sim.i} says "Sparat" but storage does not hold ${JSON.stringify(x)} in ${f}`);
        });
      }
    }
  }

  for (let step = 0; step < steps; step++) {
    clock += 1 + r.int(400);
    const live = tabs.filter((s) => !s.frozen);
    tabs.forEach((o) => { while (!o.frozen && o.queue.length && o.queue[0].due <= clock) deliver(o); });
    const sim = r.pick(tabs);
    if (sim.frozen) {
      if (r.chance(0.3)) { sim.frozen = false; sim.cache = truth; sim.queue = []; sync(sim); note(`${step} t${sim.i} thaw`); }
    } else {
      let x = r.int(total);
      const act = actions.find((a) => (x -= a[0]) < 0)[1];
      note(`${step} t${sim.i} ${act.name}`);
      act(sim);
    }
    if (!live.length) tabs.forEach((s) => { s.frozen = false; });
    if (trace) {
      const st = truthState();
      for (const [id, p] of Object.entries(st.plans)) {
        note(`    ${id}: ` + FIELDS.map((f) => `${f}=${JSON.stringify(planText(p, f))}`).join(" ") + ` revs=${JSON.stringify(p.revs)}`);
      }
      note(`    deleted: ${Object.keys(st.deleted)}; ` + tabs.map((o) => `t${o.i}@${o.tab.planId} pend=${JSON.stringify(o.tab.pending.map((x) => [x.type, x.plan, x.field, x.value, x.hold && "hold", x.base === null && "nobase"]))} sent=${o.tab.sent.map((x) => x.w)} q=${o.queue.length}`).join(" | "));
    }
    check(false);
  }
  /* Settle: everyone thawed, out of the fields, storage no longer full, every update delivered. */
  tabs.forEach((sim) => {
    sim.frozen = false; sim.full = false; sim.typing = null; sim.tab.release();
  });
  clock += 2 * core.TRACK_MS;
  for (let round = 0; round < 30; round++) {
    let wrote = false;
    for (const sim of tabs) {
      sim.cache = truth; sim.queue = [];
      sync(sim);
      wrote = write(sim) || wrote;
    }
    if (!wrote) break;
    if (round === 29) throw new Failure("the tabs never stopped writing");
  }
  check(true);
  const state = truthState();
  clock += 2 * core.TRACK_MS;
  for (const sim of tabs) {
    sim.tab.sync(state, clock);
    if (sim.tab.sent.length) throw new Failure(`t${sim.i} still has unconfirmed writes after settling`);
    const shown = sim.tab.shown();
    const stored = state.plans[sim.tab.planId];
    if (!stored) continue;
    for (const f of FIELDS) {
      if (JSON.stringify(planText(shown, f)) !== JSON.stringify(planText(stored, f))) {
        throw new Failure(`t${sim.i} shows ${JSON.stringify(planText(shown, f))} in ${f}, storage has ${JSON.stringify(planText(stored, f))}`);
      }
    }
  }
  return log;
}

/* The races the simulation found, each as a short scripted scenario. */
function races() {
  const check = (ok, what) => { if (!ok) throw new Failure(what); };
  const world = () => {
    const w = { truth: null, now: 1_700_000_000_000, n: 0 };
    w.tab = (name, session) => {
      const t = new Tab(MODEL, `${name}-${++w.n}`, session || {}, () => `p${++w.n}`);
      t.cache = w.truth;
      t.load(core.readState(t.cache, MODEL).state, null, w.now);
      return t;
    };
    w.save = (t, full) => {
      w.now += 100;
      const d = t.draft(core.readState(t.cache, MODEL).state, w.now, false);
      if (!d || full) return false;
      w.truth = t.cache = d.text;
      t.commit(d, w.now);
      return true;
    };
    w.see = (t, raw, full) => {
      w.now += 100;
      t.cache = raw === undefined ? w.truth : raw;
      if (t.sync(core.readState(t.cache, MODEL).state, w.now).save) w.save(t, full);
    };
    w.type = (t, field, value) => { w.now += 10; t.focus(field); t.edit({ type: "text", plan: t.planId, field, value }, w.now); };
    /* "Ta bort planen": the plan shown is deleted and a fresh, empty one
       shown. Returns the deleted plan's id and a copy of it as it was shown. */
    w.deleteShown = (t) => {
      t.release();
      const id = t.planId;
      const plan = core.clone(t.remove(id));
      t.open(t.fresh(true, w.now));
      w.save(t);
      return { id, plan };
    };
    w.has = (plan, field, text) => core.present(core.readState(w.truth, MODEL).state.plans[plan], MODEL, field, text);
    return w;
  };

  /* 1. A stale write over a write its tab had already seen in storage. */
  let w = world();
  const a = w.tab("a");
  w.type(a, "name", "Planen");
  w.save(a);
  const b = w.tab("b");
  w.type(a, "varfor", "Från A");
  w.save(a);
  w.see(a); /* A has seen its write in storage */
  a.release(); /* and the person has left the field */
  w.type(b, "hur", "Från B");
  w.save(b); /* B's copy of storage is older than A's write */
  check(!w.has(a.planId, "varfor", "Från A"), "scenario 1 did not lose the text to begin with");
  w.see(a);
  check(w.has(a.planId, "varfor", "Från A") && w.has(a.planId, "hur", "Från B"), "1: a stale write lost a text");

  /* 2 and 3. Writing in, and undoing, a plan deleted elsewhere brings back all of it. */
  w = world();
  const c = w.tab("c");
  w.type(c, "varfor", "Första");
  w.save(c);
  const d = w.tab("d");
  const stale = w.truth;
  w.type(c, "hur", "Andra");
  w.save(c);
  w.see(d);
  d.remove(d.planId);
  w.save(d);
  w.see(c, stale); /* c reads an old copy, then types in the plan */
  c.cache = w.truth;
  w.type(c, "effekt", "Tredje");
  w.save(c);
  const plan = c.planId;
  check(w.has(plan, "varfor", "Första") && w.has(plan, "hur", "Andra") && w.has(plan, "effekt", "Tredje"), "2: a plan came back without all of it");
  const e = w.tab("e");
  e.remove(plan);
  w.save(e);
  e.add(core.clone(c.planIn(plan)), false);
  w.save(e);
  check(w.has(plan, "hur", "Andra") && w.has(plan, "effekt", "Tredje"), "3: undo brought back an old copy");

  /* 4. A write redone while storage is full survives a reload of the tab. */
  w = world();
  const f = w.tab("f");
  w.type(f, "varfor", "Sparat en gång");
  w.save(f);
  const g = w.tab("g");
  g.cache = null;
  g.load(core.readState(null, MODEL).state, null, w.now);
  g.open(f.planId);
  w.type(g, "hur", "Över");
  w.save(g); /* writes without f's text */
  f.release();
  w.see(f, undefined, true); /* f sees its text lost: redone, but storage is full */
  const session = JSON.parse(JSON.stringify(f.session()));
  const f2 = w.tab("f", session);
  w.save(f2);
  check(w.has(f.planId, "varfor", "Sparat en gång"), "4: a redone write was lost on reload");

  /* 5. Two tabs typing into one answer, key by key, copies of storage lagging. */
  w = world();
  const h = w.tab("h");
  w.type(h, "name", "Planen");
  w.save(h);
  const i = w.tab("i");
  const r = rng(5);
  const tabs = [h, i];
  const said = [];
  const caret = [0, 0];
  const last = ["", ""];
  for (let k = 0; k < 12; k++) {
    for (const [j, t] of tabs.entries()) {
      const text = ` Mening ${k} från ${j ? "B" : "A"}.`;
      said.push(text);
      for (const ch of text) {
        const box = core.textOf(t.shown(), MODEL, "varfor");
        if (!box.startsWith(last[j].slice(0, caret[j]))) caret[j] = box.length;
        last[j] = box.slice(0, caret[j]) + ch + box.slice(caret[j]);
        caret[j]++;
        w.type(t, "varfor", last[j]);
        if (r.chance(0.3)) w.save(t);
        if (r.chance(0.3)) w.see(tabs[1 - j]);
      }
    }
  }
  tabs.forEach((t) => { t.release(); w.save(t); });
  for (let k = 0; k < 4; k++) tabs.forEach((t) => { w.see(t); w.save(t); });
  said.forEach((x) => check(w.has(h.planId, "varfor", x), `5: lost ${JSON.stringify(x)}`));

  /* 6 (seed 2251734939). A tab learns that the plan it shows was deleted
     elsewhere while storage still holds the plan as deleted; more than two
     minutes later it writes in it: the plan comes back as deleted, not as
     this tab had last read it. */
  const LATER = 2 * core.TRACK_MS + 1000;
  w = world();
  const j = w.tab("j");
  w.type(j, "varfor", "Första");
  w.save(j);
  const k = w.tab("k"); /* then k reads nothing for a while (back/forward cache) */
  w.type(j, "name", "Andra");
  w.save(j);
  const gone = w.deleteShown(j).id;
  w.see(k); /* k sees the deletion while the plan's content is kept */
  check(k.planId === gone && core.present(k.shown(), MODEL, "name", "Andra"), "6: the deleted plan is shown without all of it");
  w.now += LATER;
  w.type(j, "hur", "Ny plan");
  w.save(j); /* storage no longer keeps the deleted plan's content */
  k.cache = w.truth;
  w.type(k, "effekt", "Tredje");
  w.save(k);
  check(w.has(gone, "effekt", "Tredje") && w.has(gone, "varfor", "Första"), "6: text typed in the deleted plan was lost");
  check(w.has(gone, "name", "Andra"), "6: a plan brought back lost text it had when deleted");

  /* 7 (seed 4794). A tab with a change waiting in a plan (storage full) that
     it never read as deleted: within two minutes its write brings back all of
     the plan; later, only what it had read, and its change (storage keeps a
     deleted plan's content no longer: the plan was deleted on purpose). */
  for (const wait of [0, LATER]) {
    w = world();
    const m = w.tab("m");
    w.type(m, "varfor", "Första");
    w.save(m);
    const n = w.tab("n");
    w.type(n, "hur", "Väntar"); /* n's storage is full: the change waits */
    w.type(m, "name", "Andra");
    w.save(m);
    const id = w.deleteShown(m).id;
    w.now += wait;
    w.type(m, "effekt", "Ny plan");
    w.save(m);
    n.release();
    w.see(n); /* n reads storage again and writes */
    w.save(n);
    check(w.has(id, "hur", "Väntar") && w.has(id, "varfor", "Första"), "7: text typed in the deleted plan was lost");
    check(wait ? !w.has(id, "name", "Andra") : w.has(id, "name", "Andra"), "7: the deleted content was kept too long or too short");
  }

  /* 8 (seeds 31027435, 41003052). A plan is deleted while a write of it,
     lost to a stale tab, waits to be redone (storage full): the deleted plan
     kept in storage holds the text, and "Ångra" brings it back. */
  w = world();
  const x = w.tab("x");
  w.type(x, "name", "Första");
  w.save(x);
  const y = w.tab("y");
  y.cache = null; /* y's copy of storage is older than x's write */
  y.load(core.readState(null, MODEL).state, null, w.now);
  w.type(y, "hur", "Annan plan");
  w.save(y); /* writes over x's plan */
  x.release();
  w.see(x, undefined, true); /* x sees its plan lost: redone, but storage is full */
  const lost = x.planId;
  const shownThen = core.clone(x.remove(lost));
  x.open(x.fresh(true, w.now));
  w.save(x, true);
  w.save(x); /* storage has room again */
  const tomb = core.readState(w.truth, MODEL).state.deleted[lost];
  check(tomb && tomb.plan && JSON.stringify(tomb.plan).includes("Första"), "8: the deleted plan was kept without its text");
  x.add(shownThen, false);
  w.save(x);
  check(w.has(lost, "name", "Första"), "8: undo did not bring back the text");

  /* 9 (seed 31058816). A plan deleted and brought back ("Ångra") in one tab;
     a tab that read neither then writes the plan as it had it: the deletion,
     lost to that write, is not done again over the undo. */
  w = world();
  const u = w.tab("u");
  w.type(u, "varfor", "Kvar");
  w.save(u);
  const v = w.tab("v"); /* then v reads nothing for a while */
  const { id: kept, plan: back } = w.deleteShown(u);
  u.add(back, false);
  u.open(kept);
  w.save(u);
  w.type(v, "hur", "Från v");
  w.save(v);
  w.see(u);
  w.save(u);
  check(w.has(kept, "varfor", "Kvar") && w.has(kept, "hur", "Från v"), "9: a deletion undone was done again");

  /* 10 (seed 51093477). An "Ångra" waits to be written (storage full) while
     the plan is brought back, written in and deleted again elsewhere: the
     undo, written more than two minutes later, brings back the plan as last
     deleted, not as it was at the first deletion. */
  w = world();
  const a1 = w.tab("a");
  w.type(a1, "varfor", "Första");
  w.save(a1);
  const b1 = w.tab("b");
  const { id: twice, plan: first } = w.deleteShown(a1);
  b1.cache = w.truth;
  const told = b1.sync(core.readState(b1.cache, MODEL).state, w.now).told.find((x) => x.type === "gone");
  check(told, "10: no notice of the deletion");
  b1.add(core.clone(told.copy), false); /* "Ångra" in b, whose storage is full */
  w.save(b1, true);
  a1.add(first, false);
  a1.open(twice);
  w.save(a1);
  w.type(a1, "hur", "Andra");
  w.save(a1);
  check(w.deleteShown(a1).id === twice, "10: the plan shown is not the one deleted before");
  w.see(b1, undefined, true); /* b reads the second deletion; still full */
  w.now += LATER;
  w.type(a1, "name", "Ny plan");
  w.save(a1);
  b1.cache = w.truth;
  w.save(b1);
  check(w.has(twice, "varfor", "Första") && w.has(twice, "hur", "Andra"), "10: an undo brought back an older plan");

  /* 11 (seed 61016033). A text written twice here, the second time over a
     stale copy that holds it from the first; the plan is then deleted here:
     the second write, which storage no longer records, is not made again
     into the deleted plan (that would bring it back). */
  w = world();
  const c1 = w.tab("c");
  w.type(c1, "name", "Planen");
  w.save(c1);
  w.type(c1, "varfor", "Ett");
  w.save(c1);
  const d1 = w.tab("d"); /* reads the first write of "Ett" */
  c1.edit({ type: "text", plan: c1.planId, field: "varfor", value: "Ett" }, w.now);
  w.save(c1); /* the same text again: a second write */
  w.type(d1, "hur", "Från d");
  w.save(d1); /* d's copy of storage has "Ett" from the first write */
  w.see(c1);
  const deleted = w.deleteShown(c1).id;
  w.see(c1);
  w.save(c1);
  check(!core.own(core.readState(w.truth, MODEL).state.plans, deleted), "11: a plan deleted here came back");

  /* 12 (seeds 61048961, 61057305). Another tab knowingly writes over a text
     and keeps it beside the answer; this tab then types on in the box (which
     shows the other text) while a stale write loses both: the lost text is
     kept beside the answer again, not dropped for the newer box. */
  w = world();
  const e1 = w.tab("e");
  w.type(e1, "name", "Planen");
  w.save(e1);
  const f1 = w.tab("f"); /* f reads nothing after this */
  const g1 = w.tab("g");
  w.type(g1, "varfor", "Två");
  w.type(e1, "varfor", "Ett");
  w.save(e1);
  e1.release();
  g1.cache = w.truth;
  w.save(g1); /* g writes over "Ett" knowingly: "Ett" is kept beside it */
  check(w.has(e1.planId, "varfor", "Ett"), "12: the first text was not kept beside the answer");
  w.see(e1);
  w.type(e1, "varfor", "Två och mer");
  w.type(f1, "hur", "Från f");
  w.save(f1); /* a stale copy: loses both */
  w.see(e1);
  e1.release();
  w.save(e1);
  check(w.has(e1.planId, "varfor", "Ett") && w.has(e1.planId, "varfor", "Två och mer"), "12: a text lost to a stale write was dropped");

  /* 13 (seed 71018214). While the person types, this tab's own save reads a
     text another tab wrote from an older copy that merely contains the box's
     text: the box keeps what the person typed. */
  w = world();
  const h1 = w.tab("h");
  w.type(h1, "name", "Planen");
  w.save(h1);
  const i1 = w.tab("i"); /* reads nothing after this */
  w.type(h1, "effekt", "Hej");
  w.save(h1);
  w.type(i1, "effekt", "Hej då");
  w.save(i1); /* over h's "Hej", which it contains */
  h1.edit({ type: "done", plan: h1.planId, field: "varfor", value: true }, w.now);
  h1.cache = w.truth;
  w.save(h1); /* h is still typing in "effekt" */
  check(core.textOf(h1.shown(), MODEL, "effekt") === "Hej", "13: the box changed while the person typed");

  /* 14 (seed 71192811). "Ångra" from the notice in another tab, after a tab
     that never saw the deletion has stored its older copy of the plan again:
     the undo still brings back what the plan held (beside the answers where
     the copy differs), and the deleting tab does not delete it again. */
  w = world();
  const k1 = w.tab("k");
  w.type(k1, "varfor", "Första");
  w.save(k1);
  const l1 = w.tab("l"); /* reads nothing after this */
  const m1 = w.tab("m");
  w.type(k1, "hur", "Andra");
  w.save(k1);
  w.see(m1);
  const undone = w.deleteShown(k1).id;
  m1.cache = w.truth;
  const notice = m1.sync(core.readState(m1.cache, MODEL).state, w.now).told.find((x) => x.type === "gone");
  check(notice, "14: no notice of the deletion");
  w.type(l1, "name", "Från l");
  w.save(l1); /* the plan is stored again, as l had it */
  m1.add(core.clone(notice.copy), false);
  m1.cache = w.truth;
  w.save(m1);
  w.see(k1);
  w.save(k1);
  check(w.has(undone, "hur", "Andra") && w.has(undone, "name", "Från l"), "14: undo did not bring back what the plan held");

  /* 15 (seed 111181849). A write lost while its plan was deleted here is not
     made again (scenario 11), but still watched: after "Ångra", a stale
     copy of the plan stored again without it, it is made again. */
  w = world();
  const n1 = w.tab("n");
  w.type(n1, "name", "Planen");
  w.save(n1);
  const o1 = w.tab("o"); /* reads nothing after this: no answer yet */
  w.type(n1, "varfor", "Ett två");
  w.save(n1);
  const q1 = w.tab("q"); /* reads "Ett två" */
  w.type(n1, "varfor", "Ett");
  w.save(n1);
  w.type(q1, "hur", "Från q");
  w.save(q1); /* over "Ett" with "Ett två", which holds it */
  w.see(n1);
  const { id: back9, plan: copy9 } = w.deleteShown(n1);
  w.see(n1); /* "Ett" is not written again into the deleted plan */
  n1.add(copy9, false);
  n1.open(back9);
  w.save(n1);
  w.type(o1, "effekt", "Från o");
  w.save(o1); /* the plan stored again as o had it: no "Ett" */
  w.see(n1);
  w.save(n1);
  check(core.textOf(core.readState(w.truth, MODEL).state.plans[back9], MODEL, "varfor") === "Ett", "15: a watched write was not made again");
  console.log("races: all 15 scenarios hold");
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes("--break")) Tab.prototype.reconcile = function () { this.sent = []; return 0; };
  if (args.includes("--races")) {
    try { races(); } catch (err) { console.log(`FAILED ${err.message}`); process.exit(1); }
    return;
  }
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
  const n = opt("--schedules", 1000);
  const seed = opt("--seed", 1);
  const steps = opt("--steps", 60);
  const trace = args.includes("--trace");
  const started = Date.now();
  for (let i = 0; i < n; i++) {
    const s = (seed + i) >>> 0;
    if (n >= 100000 && i && i % 100000 === 0) console.log(`${i} schedules ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    try {
      schedule(s, steps, trace);
    } catch (err) {
      if (!(err instanceof Failure)) console.error(err.stack);
      console.log(`FAILED seed ${s}: ${err.message}`);
      console.log(`replay: node tests/sim/run.js --seed ${s} --schedules 1 --steps ${steps} --trace`);
      process.exit(1);
    }
  }
  console.log(`ok: ${n} schedules of ${steps} steps from seed ${seed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
module.exports = { schedule, Failure };
