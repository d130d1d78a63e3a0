/* Checklist, part 3: the plan store. Its one job: be the only code that
   touches the browser's storage. localStorage holds the plans (shared by
   every tab); sessionStorage holds what one tab keeps over a reload (its id,
   its writes not yet seen again, the plan it shows). Storage can be missing,
   throw, be full or hold junk written by another version: every call here
   catches that and says what happened, in data. */
(function (parts) {
  "use strict";

  const PREFIX = "vgr-kompetensutveckling:checklista:";
  const KEY = PREFIX + "v2";
  const OLD_KEY = PREFIX + "v1";
  const BACKUP = PREFIX + "oläsligt:";
  const PROBE = PREFIX + "prov";
  const SAVED = PREFIX + "oläsligt-sparat";

  const isQuota = (e) => !!e && (e.name === "QuotaExceededError" || e.code === 22 || e.code === 1014);
  const kind = (e) => (isQuota(e) ? "full" : "blocked");

  function local() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }

  class PlanStore {
    /** instance: the checklist's data-instance (two checklists on a page keep apart). */
    constructor(instance) {
      this.session = PREFIX + "flik:" + instance;
    }

    /** What is stored now: { raw, old } (old: the previous version's key), or null when storage cannot be used. */
    read() {
      try {
        const s = local();
        return { raw: s.getItem(KEY), old: s.getItem(OLD_KEY) };
      } catch (e) {
        return null;
      }
    }

    /** Write; null when the browser kept it, else "full" or "blocked". */
    write(text) {
      try {
        local().setItem(KEY, text);
        return null;
      } catch (e) {
        return kind(e);
      }
    }

    /** Whether writing works at all (at start: a page must not claim to save when it cannot). */
    probe() {
      try {
        const s = local();
        s.setItem(PROBE, "1");
        s.removeItem(PROBE);
        return null;
      } catch (e) {
        return kind(e);
      }
    }

    /** The previous version's key, once its plans are written under the new one. */
    dropOld() {
      try { local().removeItem(OLD_KEY); } catch (e) { /* kept: read and merged again next time */ }
    }

    /** Keep an unreadable stored value aside, once, under a key of its own
        (never over another backup). null when kept, else "full" or "blocked". */
    keepAside(raw) {
      try {
        const s = local();
        for (let i = 0; i < s.length; i++) if (s.key(i).startsWith(BACKUP) && s.getItem(s.key(i)) === raw) return null;
        let n = 1;
        while (s.getItem(BACKUP + n) != null) n++;
        s.setItem(BACKUP + n, raw);
        return null;
      } catch (e) {
        return kind(e);
      }
    }

    /** The latest value kept aside and not yet saved as a file, or null. */
    backup() {
      try {
        const s = local();
        const ns = Object.keys(s).filter((k) => k.startsWith(BACKUP)).map((k) => +k.slice(BACKUP.length)).filter((n) => n > 0);
        const n = Math.max(0, ...ns);
        return n > +(s.getItem(SAVED) || 0) ? s.getItem(BACKUP + n) : null;
      } catch (e) {
        return null;
      }
    }

    /** The values kept aside are saved as a file: kept still, but no longer offered at every start. */
    backupSaved() {
      try {
        const s = local();
        const ns = Object.keys(s).filter((k) => k.startsWith(BACKUP)).map((k) => +k.slice(BACKUP.length)).filter((n) => n > 0);
        s.setItem(SAVED, String(Math.max(0, ...ns)));
      } catch (e) { /* offered again next time */ }
    }

    /** Everything the checklist stored in this browser removed. */
    removeAll() {
      try {
        const s = local();
        Object.keys(s).filter((k) => k.startsWith(PREFIX)).forEach((k) => s.removeItem(k));
      } catch (e) { /* nothing stored to remove */ }
      this.saveTab(null);
    }

    /** What this tab kept over a reload, or null. */
    loadTab() {
      try {
        const doc = JSON.parse(sessionStorage.getItem(this.session));
        return doc && typeof doc === "object" && !Array.isArray(doc) ? doc : null;
      } catch (e) {
        return null;
      }
    }

    saveTab(doc) {
      try {
        if (doc) sessionStorage.setItem(this.session, JSON.stringify(doc));
        else sessionStorage.removeItem(this.session);
      } catch (e) { /* per tab in memory only */ }
    }

    /** Whether a storage event is about the plans. */
    static concerns(e) {
      return e.key === KEY || e.key === OLD_KEY || e.key === null;
    }
  }

  PlanStore.PREFIX = PREFIX;
  parts.PlanStore = PlanStore;
})(typeof checklistParts === "object" ? checklistParts : module.exports);
