/* Checklist file tools, part 3: the plan file. Its one job: write a plan as the file to
   open again (format vgr-checklista, version 1) and read such a file back
   as a new plan, with a clear Swedish message naming the file and the field
   for anything wrong, and a note on anything changed.
   Loaded with the other parts as javascripts/checklist-files.js, the first
   time a person uses a file tool (joined at build time; a classic script). */
(function (parts) {
  "use strict";

  const FORMAT = "vgr-checklista";
  const MAX_BYTES = 1048576;
  /* Everything reading and writing plan files says to the person. */
  const T = {
    opened: (name, date) => `${name} (öppnad ${date})`,
    tooBig: (file, mb) => `Filen ”${file}” är för stor (${mb} MB). En plan från checklistan är högst 1 MB.`,
    encoding: (file) => `Filen ”${file}” är inte sparad som UTF-8 och kan därför inte läsas. Öppna en fil som checklistan har sparat, eller spara om filen som UTF-8.`,
    notJson: (file, line) => `Filen ”${file}” är inte en plan från checklistan: den går inte att läsa${line ? ` (fel på rad ${line})` : ""}.`,
    notPlan: (file) => `Filen ”${file}” är inte en plan som har sparats från checklistan.`,
    version: (file, v) => `Filen ”${file}” har formatversion ${v} (fältet version), som den här checklistan inte känner till. Spara planen på nytt från en aktuell checklista.`,
    noPlan: (file) => `Filen ”${file}” saknar en plan.`,
    notText: (file, where) => `Filen ”${file}”: fältet ${where} måste vara text.`,
    notBool: (file, where) => `Filen ”${file}”: fältet ${where} måste vara sant eller falskt.`,
    badName: (file, where, key) => `Filen ”${file}” innehåller ett okänt fältnamn i ${where}: ”${key}”.`,
    notList: (file, where) => `Filen ”${file}”: fältet ${where} måste vara en lista.`,
    noteName: "Namnet hade radbrytningar; de är ersatta med mellanslag.",
    noteLines: (label) => `”${label}” hade radbrytningar; de är ersatta med mellanslag.`,
    noteDate: (date) => `Datumet ”${date}” är inte skrivet som åååå-mm-dd och fick inte plats i datumfältet. Det står under ”Svar på frågor som inte längre finns”.`,
    noteDetail: (key) => `Uppgiften ”${key}” finns inte i checklistan. Texten står under ”Svar på frågor som inte längre finns”.`,
    noteRetired: (n) => `${n} svar hör till frågor som inte längre finns. De står under ”Svar på frågor som inte längre finns”.`,
    noteDone: (key) => `”Klar” för en fråga som inte längre finns (”${key}”) togs inte med.`,
    noteField: (key) => `Fältet ”${key}” i filen känns inte igen och togs inte med.`,
    versionKind: "”ett värde som inte är ett nummer”",
  };

  /** A value as a person can read it in a message: never runs code of the file's (toString). */
  const describe = (v) => (["number", "string", "boolean"].includes(typeof v) ? String(v).slice(0, 20) : v === null ? "null" : T.versionKind);

  /** The plan file's functions; logic: the checklist's pure parts (Checklist.logic). */
  function make(logic) {
  const { UserError, isObj, entries, own, ID, putText, addCopy, emptyPlan, isDate, retiredIds } = logic;

  /** The plan as an export file (format vgr-checklista, version 1). */
  function exportDoc(plan, model, now) {
    const answers = [];
    const add = (id, question) => { if (plan.answers[id]) answers.push({ id, question, text: plan.answers[id] }); };
    model.questions.forEach((q) => q.fields.forEach((f) => add(f.id, f.text)));
    retiredIds(plan, model).forEach((id) => add(id, plan.questions[id] || ""));
    const conflicts = [];
    for (const [id, list] of Object.entries(plan.conflicts)) list.forEach((c) => conflicts.push({ id, text: c.text }));
    return {
      format: FORMAT,
      version: 1,
      questionsVersion: model.version,
      exported: now.toISOString(),
      plan: { details: plan.details, answers, done: plan.done, conflicts },
    };
  }

  /** File bytes as text: UTF-8 with or without BOM; anything else is refused. */
  function decodeFile(bytes, file) {
    let b = new Uint8Array(bytes);
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(b);
    } catch (e) {
      throw new UserError(T.encoding(file));
    }
  }

  function parseJson(text, file) {
    try {
      return JSON.parse(text);
    } catch (e) {
      const m = /line (\d+)/.exec(e.message) || /position (\d+)/.exec(e.message);
      const line = !m ? 0 : m[0][0] === "l" ? +m[1] : text.slice(0, +m[1]).split("\n").length;
      throw new UserError(T.notJson(file, line));
    }
  }

  /** An export file as a new plan (id, made now), named so it can be told from
      the original (opened today; untitled: the name of a plan without one).
      Throws UserError for a file that is not a plan; notes tell what changed. */
  function planFromExport(doc, model, file, { today, id, now, untitled }) {
    if (!isObj(doc) || doc.format !== FORMAT) throw new UserError(T.notPlan(file));
    if (doc.version !== 1) throw new UserError(T.version(file, describe(doc.version)));
    const src = doc.plan;
    if (!isObj(src)) throw new UserError(T.noPlan(file));
    const plan = emptyPlan(id, now);
    const notes = [];
    const text = (v, where) => {
      if (typeof v !== "string") throw new UserError(T.notText(file, where));
      return v;
    };
    const key = (k, where) => {
      if (!ID.test(k)) throw new UserError(T.badName(file, where, k.slice(0, 40)));
      return k;
    };
    const list = (v, where) => {
      if (v != null && !Array.isArray(v)) throw new UserError(T.notList(file, where));
      return v || [];
    };
    const known = { format: 1, version: 1, questionsVersion: 1, exported: 1, plan: 1 };
    Object.keys(doc).filter((k) => !own(known, k)).forEach((k) => notes.push(T.noteField(k.slice(0, 40))));
    const parts = { details: 1, answers: 1, done: 1, conflicts: 1 };
    Object.keys(src).filter((k) => !own(parts, k)).forEach((k) => notes.push(T.noteField("plan." + k.slice(0, 40))));
    for (const [k, v] of entries(src.details)) {
      let value = text(v, "details." + key(k, "details"));
      if (!model.details.includes(k)) {
        putText(plan, model, "uppgift-" + k, value, k);
        notes.push(T.noteDetail(k));
        continue;
      }
      if (/[\r\n]/.test(value)) {
        value = value.replace(/\s*[\r\n]+\s*/g, " ").trim();
        notes.push(k === "name" ? T.noteName : T.noteLines(model.labels[k]));
      }
      if (k === "date" && value && !isDate(value)) {
        putText(plan, model, "uppgift-date", value, model.labels.date);
        notes.push(T.noteDate(value));
      } else if (value) plan.details[k] = value;
    }
    let retired = 0;
    list(src.answers, "answers").forEach((a, i) => {
      if (!isObj(a)) throw new UserError(T.notText(file, `answers[${i}]`));
      const id = key(text(a.id, `answers[${i}].id`), "answers");
      const value = text(a.text, `answers[${i}].text`);
      const question = a.question == null ? "" : text(a.question, `answers[${i}].question`);
      if (!model.fields[id] && value) retired++;
      putText(plan, model, id, value, question || id);
    });
    if (retired) notes.push(T.noteRetired(retired));
    for (const [k, v] of entries(src.done)) {
      key(k, "done");
      if (typeof v !== "boolean") throw new UserError(T.notBool(file, "done." + k));
      if (model.questions.some((q) => q.id === k)) { if (v) plan.done[k] = true; } else if (v) notes.push(T.noteDone(k));
    }
    list(src.conflicts, "conflicts").forEach((c, i) => {
      if (!isObj(c)) throw new UserError(T.notText(file, `conflicts[${i}]`));
      const id = key(text(c.id, `conflicts[${i}].id`), "conflicts");
      const value = text(c.text, `conflicts[${i}].text`);
      if (value) addCopy(plan, model, id, { text: value, at: now, by: "" });
    });
    const base = (plan.details.name || untitled).replace(/ \(öppnad \d{4}-\d\d-\d\d\)$/, "");
    plan.details.name = T.opened(base, today);
    return { plan, notes };
  }


  return { exportDoc, decodeFile, parseJson, planFromExport };
  }

  parts.json = { FORMAT, MAX_BYTES, T, make };
})(typeof checklistParts === "object" ? checklistParts : module.exports);
