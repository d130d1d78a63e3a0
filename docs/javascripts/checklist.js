/* Planning checklist: enhances [data-module="vgr-checklist"] with autosave in
   this browser, several plans, export, import and printing. The form works
   and prints without this script. Classic script (no modules): loads from file://. */
(function () {
  "use strict";
  /* Instant navigation runs this file again on each visit: start only once. */
  if (window.vgrChecklistLoaded) return;
  window.vgrChecklistLoaded = true;

  var KEY = "vgr-kompetensutveckling:checklista:v1";
  var FORMAT = "vgr-checklista";
  var VERSION = 1;
  var MAX_BYTES = 1024 * 1024;
  var ID = /^[a-z][a-z0-9-]{0,59}$/;
  var DETAILS = ["name", "unit", "responsible", "date"];
  var live = []; /* started checklists: { root, flush } */

  /** Run fn(value, key) for each own key of a plain object. */
  function each(obj, fn) {
    Object.keys(obj || {}).forEach(function (k) { fn(obj[k], k); });
  }

  /** Two-digit number. */
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** Date as YYYY-MM-DD and time as HH:MM, in local time. */
  function day(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function clock(d) { return pad(d.getHours()) + ":" + pad(d.getMinutes()); }

  /** A fresh, random plan id. */
  function newId() { return "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }

  /** An empty plan. */
  function emptyPlan() {
    return { id: newId(), details: {}, answers: {}, done: {}, orphans: [], updated: Date.now() };
  }

  /** Read saved state; null when storage is missing, throws or holds junk. */
  function readStore() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (!raw) return { plans: {}, current: null };
      var state = JSON.parse(raw);
      return state && typeof state.plans === "object" ? state : null;
    } catch (e) {
      return null;
    }
  }

  /** Write state; false when storage is missing, blocked or full. */
  function writeStore(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (e) {
      return false;
    }
  }

  /** File-name-safe ASCII form of a plan name. */
  function slug(text) {
    return (text || "namnlos").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50) || "namnlos";
  }

  /** Offer text as a file download. */
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** Check an imported file's parsed JSON; return a plan or throw a Swedish message. */
  function planFromExport(doc, model) {
    if (!doc || typeof doc !== "object" || Array.isArray(doc) || doc.format !== FORMAT) {
      throw "Filen är inte en plan som har laddats ned från checklistan.";
    }
    if (doc.version !== VERSION) {
      throw "Filen har formatversion " + String(doc.version).slice(0, 20) +
        ", som den här checklistan inte känner till. Ladda ned planen på nytt från en aktuell checklista.";
    }
    var src = doc.plan;
    if (!src || typeof src !== "object" || Array.isArray(src)) throw "Filen saknar en plan.";
    var plan = emptyPlan();
    function text(value, where) {
      if (typeof value !== "string") throw "Fältet " + where + " i filen måste vara text.";
      return value;
    }
    function key(k, where) {
      if (!ID.test(k)) throw "Filen innehåller ett okänt fältnamn i " + where + ": \"" + k.slice(0, 40) + "\".";
      return k;
    }
    each(src.details, function (v, k) {
      if (DETAILS.indexOf(k) < 0) throw "Filen innehåller ett okänt fält i details: \"" + k.slice(0, 40) + "\".";
      plan.details[k] = text(v, "details." + k);
    });
    if (!Array.isArray(src.answers || [])) throw "Fältet answers i filen måste vara en lista.";
    (src.answers || []).forEach(function (a, i) {
      if (!a || typeof a !== "object") throw "Svar nummer " + (i + 1) + " i filen är inte ett svar.";
      var id = key(text(a.id, "answers[" + i + "].id"), "answers");
      var answer = text(a.text, "answers[" + i + "].text");
      if (Object.prototype.hasOwnProperty.call(model.fields, id)) plan.answers[id] = answer;
      else plan.orphans.push({ id: id, question: text(a.question || "", "answers[" + i + "].question"), text: answer });
    });
    each(src.done, function (v, k) {
      key(k, "done");
      if (typeof v !== "boolean") throw "Fältet done." + k + " i filen måste vara sant eller falskt.";
      if (model.questionIds.indexOf(k) >= 0) plan.done[k] = v;
    });
    return plan;
  }

  /** The plan as an export document (JSON-ready). */
  function exportDoc(plan, model) {
    var answers = [];
    model.fieldList.forEach(function (f) {
      if (plan.answers[f.id]) answers.push({ id: f.id, question: f.text, text: plan.answers[f.id] });
    });
    plan.orphans.forEach(function (o) { answers.push({ id: o.id, question: o.question, text: o.text }); });
    return {
      format: FORMAT, version: VERSION, questionsVersion: model.data.questionsVersion,
      exported: new Date().toISOString(), plan: { details: plan.details, answers: answers, done: plan.done }
    };
  }

  /** The plan as readable text; Markdown markers when md is true. */
  function planText(plan, model, md) {
    var h1 = md ? "# " : "", h2 = md ? "## " : "", b = md ? "**" : "";
    var out = [h1 + "Utbildningsplan" + (plan.details.name ? ": " + plan.details.name : ""), ""];
    model.data.details.forEach(function (d) {
      out.push((md ? "- " : "") + d.label + ": " + (plan.details[d.id] || "–"));
    });
    model.data.questions.forEach(function (q, i) {
      out.push("", h2 + "Fråga " + (i + 1) + ": " + q.text + (plan.done[q.id] ? " (klar)" : ""));
      q.fields.forEach(function (f) {
        out.push("", b + f.text + b, "", plan.answers[f.id] || "–");
      });
    });
    if (plan.orphans.length) {
      out.push("", h2 + "Svar på frågor som inte längre finns i checklistan");
      plan.orphans.forEach(function (o) { out.push("", b + (o.question || o.id) + b, "", o.text); });
    }
    out.push("", "Från " + location.href.split("#")[0] + ", " + day(new Date()) + ".");
    return out.join("\n") + "\n";
  }

  /** Enhance one checklist element. */
  function init(root) {
    if (root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var data = JSON.parse(root.getAttribute("data-checklist"));
    var model = { data: data, fields: {}, fieldList: [], questionIds: [] };
    data.questions.forEach(function (q) {
      model.questionIds.push(q.id);
      q.fields.forEach(function (f) { model.fields[f.id] = f; model.fieldList.push(f); });
    });

    var form = root.querySelector("form");
    var select = root.querySelector("#vgr-plan-select");
    var statusEl = root.querySelector("[data-status]");
    var undoBtn = root.querySelector("[data-action='undo']");
    var errorEl = root.querySelector("[data-error]");
    var warning = root.querySelector("[data-storage-warning]");
    var stored = readStore();
    var canSave = stored !== null;
    var state = stored || { plans: {}, current: null };
    var timer = null;
    var undo = null;
    var dirty = {}; /* fields edited here since the last save */

    root.classList.add("vgr-js");
    root.querySelectorAll("[data-js]").forEach(function (el) { el.hidden = false; });

    /** The element for a field id: detail input or answer textarea. */
    function input(id) {
      return root.querySelector(DETAILS.indexOf(id) >= 0 ? "#vgr-d-" + id : "#vgr-a-" + id);
    }

    /** Copy a field's value into its print-only block. */
    function mirror(id, value) {
      var block = root.querySelector("[data-print-for='" + id + "']");
      if (block) block.textContent = value;
      if (id === "name") root.querySelector("[data-print-name]").textContent = value ? ": " + value : "";
    }

    function current() { return state.plans[state.current]; }

    /** Show a short message in the polite status line (only when it changes). */
    function say(text, withUndo) {
      if (statusEl.textContent !== text) statusEl.textContent = text;
      undoBtn.hidden = !withUndo;
    }

    function showError(text) { errorEl.textContent = text; }

    /** Warn, lastingly, that answers cannot be saved here. */
    function storageFailed() {
      canSave = false;
      warning.hidden = false;
    }

    /** Read the form into the current plan. */
    function collect() {
      var plan = current();
      DETAILS.forEach(function (k) {
        var v = input(k).value;
        if (v) plan.details[k] = v; else delete plan.details[k];
      });
      model.fieldList.forEach(function (f) {
        var v = input(f.id).value;
        if (v) plan.answers[f.id] = v; else delete plan.answers[f.id];
      });
      model.questionIds.forEach(function (q) { plan.done[q] = root.querySelector("#vgr-done-" + q).checked; });
      root.querySelectorAll("[data-orphan-list] textarea").forEach(function (area, i) {
        if (plan.orphans[i]) plan.orphans[i].text = area.value;
      });
    }

    /** Save state now; report the result in the status line. */
    function save() {
      clearTimeout(timer);
      timer = null;
      dirty = {};
      if (!canSave) return;
      if (writeStore(state)) say("Sparat i den här webbläsaren kl. " + clock(new Date()) + ".");
      else storageFailed();
    }

    /** Note an edit: collect it now, save a moment later. */
    function edited() {
      collect();
      current().updated = Date.now();
      updateProgress();
      var opt = select.options[select.selectedIndex];
      if (opt) opt.textContent = optionLabel(current());
      clearTimeout(timer);
      timer = setTimeout(save, 300);
    }

    function flush() { if (timer) save(); }

    function updateProgress() {
      var done = model.questionIds.filter(function (q) { return current().done[q]; }).length;
      var text = done + " av " + model.questionIds.length + " frågor klara";
      var el = root.querySelector("[data-progress]");
      if (el.textContent !== text) el.textContent = text;
    }

    /** Show the plan in the form. For an edit from another tab, keep the
        field being typed in and any edit here that is not saved yet. */
    function fill(remote) {
      var plan = current();
      var active = document.activeElement;
      function set(el, value) {
        if (remote && (el === active || dirty[el.name])) return;
        if (el.value !== value) el.value = value;
      }
      DETAILS.forEach(function (k) { set(input(k), plan.details[k] || ""); mirror(k, input(k).value); });
      model.fieldList.forEach(function (f) { set(input(f.id), plan.answers[f.id] || ""); mirror(f.id, input(f.id).value); });
      model.questionIds.forEach(function (q) {
        var box = root.querySelector("#vgr-done-" + q);
        if (!(remote && dirty[box.name])) box.checked = !!plan.done[q];
      });
      renderOrphans(plan, remote ? active : null);
      updateProgress();
      renderPlanList();
    }

    /** Answers to questions that no longer exist: shown, editable, never dropped. */
    function renderOrphans(plan, active) {
      var box = root.querySelector("[data-orphans]");
      var list = root.querySelector("[data-orphan-list]");
      if (active && list.contains(active)) return;
      list.textContent = "";
      plan.orphans.forEach(function (o, i) {
        var wrap = document.createElement("div");
        wrap.className = "vgr-field";
        var label = document.createElement("label");
        label.htmlFor = "vgr-o-" + i;
        label.textContent = o.question || "Fråga " + o.id;
        var area = document.createElement("textarea");
        area.id = "vgr-o-" + i;
        area.rows = 4;
        area.value = o.text;
        var print = document.createElement("div");
        print.className = "vgr-print-answer";
        print.setAttribute("aria-hidden", "true");
        print.textContent = o.text;
        area.addEventListener("input", function () { print.textContent = area.value; });
        wrap.append(label, area, print);
        list.appendChild(wrap);
      });
      box.hidden = plan.orphans.length === 0;
    }

    /** A plan as listed: its name and when it last changed. */
    function optionLabel(p) {
      var d = new Date(p.updated);
      return (p.details.name || "Namnlös plan") + " – ändrad " + day(d) + " " + clock(d);
    }

    /** The plan chooser: every saved plan by name and last change. */
    function renderPlanList() {
      var plans = Object.keys(state.plans).map(function (k) { return state.plans[k]; });
      plans.sort(function (a, b) { return b.updated - a.updated; });
      select.textContent = "";
      plans.forEach(function (p) {
        var opt = document.createElement("option");
        opt.value = p.id;
        opt.textContent = optionLabel(p);
        opt.selected = p.id === state.current;
        select.appendChild(opt);
      });
    }

    /** Make a plan current, add it first if new, and show it. */
    function open(plan, message) {
      flush();
      state.plans[plan.id] = plan;
      state.current = plan.id;
      fill(false);
      save();
      if (message) say(message);
    }

    /** Keep only valid plans from storage (it may hold old or edited data). */
    function sanitize() {
      each(state.plans, function (p, k) {
        if (!p || typeof p !== "object" || !p.details || !p.answers) { delete state.plans[k]; return; }
        p.done = p.done || {};
        p.orphans = Array.isArray(p.orphans) ? p.orphans : [];
        p.id = k;
      });
      if (!state.plans[state.current]) {
        var first = Object.keys(state.plans)[0];
        if (first) state.current = first;
        else { var plan = emptyPlan(); state.plans[plan.id] = plan; state.current = plan.id; }
      }
    }

    var actions = {
      "new": function () { open(emptyPlan(), "En ny, tom plan har skapats."); },
      duplicate: function () {
        collect();
        var copy = JSON.parse(JSON.stringify(current()));
        copy.id = newId();
        copy.updated = Date.now();
        copy.details.name = "Kopia av " + (copy.details.name || "namnlös plan");
        open(copy, "Planen har kopierats. Du arbetar nu i kopian.");
      },
      "delete": function () {
        var plan = current();
        var name = plan.details.name || "Namnlös plan";
        if (!window.confirm("Ta bort planen \"" + name + "\"? Du kan ångra direkt efteråt.")) return;
        flush();
        delete state.plans[plan.id];
        undo = plan;
        sanitize();
        fill(false);
        save();
        say("Planen \"" + name + "\" togs bort.", true);
      },
      undo: function () {
        if (!undo) return;
        var plan = undo;
        undo = null;
        open(plan, "Planen \"" + (plan.details.name || "Namnlös plan") + "\" är tillbaka.");
      },
      "delete-all": function () {
        if (!window.confirm("Radera alla sparade planer i den här webbläsaren? Det går inte att ångra.")) return;
        clearTimeout(timer);
        timer = null;
        try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing saved to remove */ }
        state = { plans: {}, current: null };
        undo = null;
        sanitize();
        fill(false);
        say("Alla sparade planer är raderade.");
      },
      "export-json": function () {
        collect();
        var plan = current();
        download("utbildningsplan-" + slug(plan.details.name) + "-" + day(new Date()) + ".json",
          "application/json", JSON.stringify(exportDoc(plan, model), null, 2));
      },
      "export-md": function () {
        collect();
        var plan = current();
        download("utbildningsplan-" + slug(plan.details.name) + "-" + day(new Date()) + ".md",
          "text/markdown;charset=utf-8", planText(plan, model, true));
      },
      "copy-text": function () {
        collect();
        window.vgrCopyText(planText(current(), model, false)).then(function (ok) {
          say(ok ? "Planen är kopierad som text. Klistra in den i till exempel Word eller e-post."
            : "Det gick inte att kopiera. Ladda ned planen som text i stället.");
        });
      },
      print: function () { flush(); window.print(); },
      "print-blank": function () { root.classList.add("vgr-blank"); window.print(); }
    };

    /** Read a chosen file and add it as a new plan; never overwrite. */
    function importFile(file) {
      showError("");
      if (!file) return;
      if (file.size > MAX_BYTES) {
        showError("Filen \"" + file.name + "\" är för stor (" + (file.size / 1048576).toFixed(1) +
          " MB). En plan från checklistan är högst 1 MB. Inget har ändrats.");
        return;
      }
      file.text().then(function (raw) {
        var doc;
        try { doc = JSON.parse(raw); } catch (e) {
          throw "Filen \"" + file.name + "\" är inte en JSON-fil från checklistan (den gick inte att läsa).";
        }
        var plan = planFromExport(doc, model);
        var name = plan.details.name || "Namnlös plan";
        open(plan, "\"" + name + "\" har importerats som en ny plan.");
      }).catch(function (msg) {
        showError((typeof msg === "string" ? msg : "Filen kunde inte läsas.") + " Inget har ändrats.");
      });
    }

    form.addEventListener("input", function (e) {
      if (e.target.name && e.target.type !== "checkbox") mirror(e.target.name, e.target.value);
      dirty[e.target.name] = true;
      edited();
    });
    form.addEventListener("change", function (e) {
      if (e.target.type === "checkbox") { dirty[e.target.name] = true; edited(); }
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    select.addEventListener("change", function () {
      flush();
      state.current = select.value;
      fill(false);
      save();
    });
    root.querySelector("#vgr-import").addEventListener("change", function (e) {
      importFile(e.target.files[0]);
      e.target.value = "";
    });
    root.addEventListener("click", function (e) {
      var btn = e.target.closest("[data-action]");
      if (btn && actions[btn.getAttribute("data-action")]) {
        showError("");
        actions[btn.getAttribute("data-action")]();
      }
    });

    /** Listeners on window or document that end when the page leaves (instant navigation). */
    function listen(target, type, fn) {
      function handler(e) {
        if (!root.isConnected) { target.removeEventListener(type, handler); flush(); return; }
        fn(e);
      }
      target.addEventListener(type, handler);
    }
    listen(window, "storage", function (e) {
      if (e.key !== KEY || !canSave) return;
      var next = readStore();
      if (!next) return;
      var mine = state.current;
      state = next;
      if (state.plans[mine]) state.current = mine;
      sanitize();
      fill(true);
      collect();
    });
    listen(window, "pagehide", flush);
    listen(window, "beforeprint", function () {
      flush();
      root.querySelector("[data-print-url]").textContent = location.href.split("#")[0];
      root.querySelector("[data-print-date]").textContent = ", " + day(new Date());
    });
    listen(window, "afterprint", function () { root.classList.remove("vgr-blank"); });
    listen(document, "visibilitychange", flush);

    live.push({ root: root, flush: flush });
    if (!canSave) storageFailed();
    sanitize();
    fill(false);
    root.querySelector("[data-print-date]").textContent = ", " + day(new Date());
  }

  /** Start every checklist on the page; safe to call again. A checklist that
      instant navigation took away first saves what it has not saved yet. */
  function start() {
    live = live.filter(function (w) {
      if (w.root.isConnected) return true;
      w.flush();
      return false;
    });
    document.querySelectorAll("[data-module='vgr-checklist']").forEach(init);
  }

  /* Start now, and again after each instant navigation (Material's document$;
     it does not emit for a copy opened from file://). Init guards stop doubles. */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
