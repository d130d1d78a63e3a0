/* Checklist, part 2: one tab's side of the sync, as a pure state machine. Its
   one job: hold this tab's unsaved and unconfirmed operations and turn each
   event (a keystroke, a save, a read of storage, leaving a field, a plan
   chosen) into what to write, what to show and what to say. The adapter
   (part 5) feeds it what storage holds and the time; the simulation
   (tests/sim/run.js) does the same with many tabs over one fake storage. */
(function (parts) {
  "use strict";

  const core = parts.core || require("./1-core.js").core;
  const { own, clone, TRACK_MS, emptyPlan, textOf, copiesOf, present, applyOp, confirmed, writeState, keyOf, readPlan } = core;
  const PAUSE_MS = 2000;
  const empty = () => ({ current: null, plans: {}, deleted: {}, extra: {} });

  class Tab {
    /** id: this page's own (new at every load); session: what the tab kept
        over a reload ({ sent, pending }); newId() makes plan ids. */
    constructor(model, id, session, newId) {
      this.model = model;
      this.id = id;
      this.n = 0;
      this.sent = session.sent || []; /* written, not yet seen again in storage */
      this.pending = session.pending || []; /* not written yet (storage full when the page was left) */
      this.store = empty();
      this.copies = {}; /* plans shown here but not stored: new, or deleted elsewhere */
      this.newId = newId;
      this.planId = null;
      this.active = null; /* the field the person is in */
      this.failing = false;
    }

    /** What this tab keeps over a reload (in sessionStorage). */
    session() {
      return { sent: this.sent, pending: this.pending.filter((op) => !op.hold && !op.quiet) };
    }

    /** First read. recalled: the plan this tab showed before a reload. */
    load(state, recalled, now) {
      this.store = state || empty();
      this.reconcile(this.store, now);
      const plans = this.known();
      const id = [recalled, this.store.current, this.latest()].find((p) => own(plans, p));
      this.open(id || this.fresh(true, now));
    }

    planIn(id) {
      return own(this.store.plans, id) ? this.store.plans[id] : this.copies[id] || emptyPlan(id, 0);
    }

    base(plan, field) {
      const p = this.planIn(plan);
      return { vv: clone(p.revs[field] || {}), text: textOf(p, this.model, field) };
    }

    /** Record a change in the plan it was made in (a text, or "Klar"), at time now. */
    edit(op, now) {
      if (op.type === "text") this.typedAt = now || 0;
      const same = this.pending.find((p) => p.type === op.type && p.plan === op.plan && p.field === op.field);
      if (same && (op.type === "text" || op.type === "done")) {
        same.value = op.value;
        same.hold = false;
      } else {
        if (op.type === "text") op.base = this.base(op.plan, op.field);
        this.pending.push(op);
      }
    }

    /** The plan shown, with this tab's unsaved changes in it. */
    shown(id) {
      id = id || this.planId;
      const ops = this.pending.filter((op) => op.plan === id);
      if (!ops.length) return this.planIn(id); /* read only */
      const state = { plans: { [id]: clone(this.planIn(id)) }, deleted: {} };
      ops.forEach((op) => applyOp(state, op, this.model, {}, 0, 0, this.id));
      return state.plans[id] || emptyPlan(id, 0);
    }

    /** Every plan this tab knows, as shown here: stored, new, with unsaved changes. */
    known() {
      const ids = Object.keys(this.store.plans);
      this.pending.forEach((op) => { if (op.type === "create" && !ids.includes(op.plan)) ids.push(op.plan); });
      const gone = this.pending.filter((op) => op.type === "delete").map((op) => op.plan);
      const plans = {};
      ids.filter((id) => !gone.includes(id)).forEach((id) => { plans[id] = this.shown(id); });
      return plans;
    }

    latest() {
      const plans = Object.values(this.known()).sort((a, b) => b.updated - a.updated);
      return plans.length ? plans[0].id : null;
    }

    pendingFor(plan) {
      return this.pending.some((op) => op.plan === plan && !op.hold && (op.type === "text" || op.type === "done"));
    }

    /** How many changes wait to be saved (holds and empty new plans are not changes). */
    unsaved() {
      return this.pending.filter((op) => !op.quiet && !op.hold).length;
    }

    fresh(quiet, now) {
      return this.add(emptyPlan(this.newId(), now), quiet);
    }

    add(plan, quiet) {
      this.copies[plan.id] = plan;
      this.pending.push({ type: "create", plan: plan.id, copy: plan, quiet: !!quiet });
      return plan.id;
    }

    /** Delete a plan. What waits to be written in it (typed, or redone after
        another tab wrote over it) is written first: the deleted plan that
        storage keeps for "Ångra", here or in another tab, holds all that was
        shown. Returns the plan as shown. */
    remove(id) {
      const plan = this.shown(id);
      this.pending = this.pending.filter((op) => op.plan !== id || !op.hold);
      this.pending.push({ type: "delete", plan: id });
      delete this.copies[id];
      return plan;
    }

    open(id) {
      /* A plan made for an empty page and never typed in is not kept. */
      const left = this.pending.filter((op) => op.plan === this.planId);
      if (id !== this.planId && left.length === 1 && left[0].quiet) this.pending.splice(this.pending.indexOf(left[0]), 1);
      this.release();
      this.planId = id;
    }

    /** The person is in a field (null: in none); leaving one lets it show what is stored. */
    focus(field) {
      if (field !== this.active) this.release();
      this.active = field;
    }

    release() {
      this.pending = this.pending.filter((op) => !op.hold);
      this.active = null;
    }

    /** Writes of this tab (in the last minute) that storage no longer shows, and
        nobody who wrote after them saw: do them again. */
    reconcile(state, now) {
      const all = this.sent;
      const lost = all.filter((s) => !confirmed(state, this.model, s, s.tab));
      const again = [];
      const waits = []; /* not done again while its plan stays deleted here: watched on */
      /* A plan made or deleted here, then deleted or brought back here again
         ("Ångra"): only the last of these counts, whichever storage lost; and
         a change in a plan deleted here since (storage has kept that
         deletion) is not made again: it would bring the plan back. */
      const plan = (p) => keyOf(p) === "plan";
      const undone = (s) => {
        const later = all.slice(all.indexOf(s) + 1).filter((o) => o.op.plan === s.op.plan && plan(o.op));
        const last = later[later.length - 1];
        if (plan(s.op)) return later.length > 0 || this.pending.some((p) => p.plan === s.op.plan && plan(p));
        if (!last || last.op.type !== "delete" || lost.includes(last) || !own(state.deleted, s.op.plan)) return false;
        waits.push(s);
        return true;
      };
      lost.forEach((s) => {
        if (undone(s)) return;
        const like = (p) => p.plan === s.op.plan && keyOf(p) === keyOf(s.op) && p.type === s.op.type;
        const later = this.pending.find(like); /* typed since: it holds the newer text */
        const earlier = again.find(like); /* lost too, written before this one */
        if (later && later.type === "text") {
          /* typed since in a box that did not show this text (another tab had
             put it beside the answer): it is kept beside the answer again */
          const saw = later.base && later.base.text.includes(s.op.value);
          if (!saw && !later.value.includes(s.op.value)) {
            again.push({ type: "keep", plan: s.op.plan, field: s.op.field, copy: { text: s.op.value, at: s.at, by: s.tab } });
          }
          later.base = null;
        } else if (earlier && earlier.type === "text") earlier.value = s.op.value;
        else if (!later) again.push(Object.assign({}, s.op, { base: null, hold: false, quiet: false }));
      });
      this.sent = all.filter((s) => (!lost.includes(s) || waits.includes(s)) && now - s.at < TRACK_MS);
      this.pending.unshift(...again);
      return lost.length - waits.length;
    }

    /** What to write now: state is what storage holds (freshly read). */
    draft(state, now, force) {
      const lost = this.reconcile(state, now);
      const ops = this.pending.filter((op) => {
        if (op.quiet) return this.pending.some((o) => o !== op && o.plan === op.plan && !o.hold);
        if (op.hold) return !present(state.plans[op.plan], this.model, op.field, op.value);
        return true;
      });
      if (!ops.length && !lost && !force) return null;
      const known = Object.assign({}, this.copies, this.store.plans);
      const ws = ops.map(() => ++this.n);
      const told = ops.map((op, i) => applyOp(state, op, this.model, known, now, ws[i], this.id))
        .filter((t) => t && own(state.plans, t.plan)); /* nothing to say about a plan deleted here */
      if (own(state.plans, this.planId)) state.current = this.planId;
      return { state, ops, ws, told, text: writeState(state, now) };
    }

    /** The draft was written. */
    commit(d, now) {
      const before = this.store;
      const was = this.shown();
      const gone = this.keepGone(before, d.state);
      this.pending = this.pending.filter((op) => !d.ops.includes(op));
      d.ops.forEach((op, i) => this.sent.push({ w: d.ws[i], at: now, tab: this.id, op: Object.assign({}, op, { base: null }) }));
      this.store = d.state;
      this.failing = false;
      d.ops.forEach((op) => { if (op.type === "create" || op.type === "delete") delete this.copies[op.plan]; });
      d.told.push(...gone);
      this.keepBox(before, was, now); /* what was read for this write may differ too */
    }

    /** The field the person is in keeps its text, unless another tab wrote
        after having read it and only added after it (the caret stays where
        it is); what storage has is shown beside it. before, was: the store
        and the plan shown before storage (or this tab's own write) changed. */
    keepBox(before, was, now) {
      const id = this.planId;
      const f = this.active;
      if (!f) return;
      const stored = textOf(this.planIn(id), this.model, f);
      const vv = this.planIn(id).revs[f] || {};
      /* ...and only once the person has paused: two people typing into one
         answer at once each keep their own box, every sentence whole. */
      const paused = now - (this.typedAt || 0) >= PAUSE_MS;
      const grows = (box, seen) => paused && stored.startsWith(box) && Object.entries(seen).every(([t, v]) => vv[t] && vv[t][0] >= v[0]);
      const held = this.pending.find((op) => op.plan === id && op.field === f && op.type === "text");
      if (held && held.hold) {
        if (stored === held.value || grows(held.value, held.seen)) this.pending.splice(this.pending.indexOf(held), 1);
      } else if (!held) {
        const box = textOf(was, this.model, f);
        const seen = (before.plans[id] && before.plans[id].revs[f]) || {};
        if (stored !== box && !grows(box, seen)) this.pending.push({ type: "text", plan: id, field: f, value: box, base: null, hold: true, seen });
      }
    }

    /** A plan deleted elsewhere that is shown here, or has changes waiting
        here, is kept here as it was deleted (storage holds that for a while),
        else as this tab last read it: "Ångra", or a write in it, brings back
        all of it, not an older copy. Returns what to tell. */
    keepGone(before, state) {
      const told = [];
      for (const p of Object.keys(before.plans)) {
        if (own(state.plans, p) || (p !== this.planId && !this.pending.some((op) => op.plan === p))) continue;
        if (this.pending.some((op) => op.plan === p && (op.type === "create" || op.type === "delete"))) continue;
        const tomb = state.deleted[p];
        this.copies[p] = tomb && tomb.plan ? readPlan(tomb.plan, p, this.model, { changed: false }) : clone(before.plans[p]);
        if (p === this.planId && !this.pendingFor(p)) told.push({ type: "gone", plan: p, copy: this.copies[p] });
      }
      Object.keys(this.copies).forEach((p) => { if (own(state.plans, p)) delete this.copies[p]; });
      return told;
    }

    /** Storage changed (another tab, back/forward cache, focus): show it under the rules.
        Returns { told, save } (save: this tab has something to write again). */
    sync(state, now) {
      const id = this.planId;
      const before = this.store;
      const was = this.shown(id);
      this.store = state;
      const told = [];
      const lost = this.reconcile(state, now);
      told.push(...this.keepGone(before, state));
      /* An undo waiting here brings the plan back as it was last deleted. */
      this.pending.forEach((op) => {
        const tomb = op.type === "create" && !own(state.plans, op.plan) && state.deleted[op.plan];
        if (tomb && tomb.plan) op.copy = this.copies[op.plan] = readPlan(tomb.plan, op.plan, this.model, { changed: false });
      });
      this.keepBox(before, was, now);
      const after = this.shown(id);
      for (const field of Object.keys(after.conflicts)) {
        const old = copiesOf(was, field).map((c) => c.text);
        if (copiesOf(after, field).some((c) => !old.includes(c.text))) told.push({ type: "conflict", plan: id, field });
      }
      /* An empty page nobody has typed in follows the plan another tab started. */
      const only = this.pending.length === 1 && this.pending[0].quiet ? this.pending[0].plan : null;
      const next = only === id && [state.current, this.latest()].find((p) => own(state.plans, p));
      if (next && next !== id) {
        this.pending = [];
        this.planId = next;
        told.push({ type: "followed", plan: next });
      }
      return { told, save: lost > 0 || this.pending.some((op) => op.hold && !present(state.plans[op.plan], this.model, op.field, op.value)) };
    }
  }

  parts.Tab = Tab;
})(typeof checklistParts === "object" ? checklistParts : module.exports);
