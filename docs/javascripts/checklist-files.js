/* The checklist's file tools, loaded only when a person first uses one:
   ”Spara som Word-fil”, ”Spara fil för att öppna igen”, ”Öppna en sparad
   plan”, ”Spara som textfil”, ”Kopiera som text” (opening ”Fler val” loads it
   ahead). The checklist adds this classic script from the URL in its
   data-files-src and gets the tools by a document event, no globals:
   make(core) returns them, core being the checklist's own pure logic
   (Checklist.logic). Every tool works on the plan document that the checklist
   builds for every view of a plan (planDoc in checklist.js).
   - docx(doc): a Word file (Office Open XML) as a ZIP of stored files with
     CRC-32, in plain JS;
   - planText(doc, md): plain text, or Markdown that shows answers as written;
   - exportDoc, decodeFile, parseJson, planFromExport: the file to open again,
     and reading one back, with a note on anything changed or dropped. */
(function () {
  "use strict";

  const FORMAT = "vgr-checklista";
  const MAX_BYTES = 1048576;

  /* Everything these tools say to the person. */
  const T = {
    opened: (name, date) => `${name} (öppnad ${date})`,
    copyOf: (name) => `Kopia av ${name}`,
    copied: "Planen har kopierats. Ni arbetar nu i kopian.",
    confirmAll: "Ta bort alla planer i den här webbläsaren? Det går inte att ångra.",
    deletedAll: "Alla planer är borttagna ur den här webbläsaren.",
    added: "Den andra texten står nu under ert svar.",
    dropped: "Den andra texten är borttagen.",
    imported: (name, file, notes) => `Planen ”${name}” har skapats från filen ”${file}”.${notes ? " Det här ändrades:" : ""}`,
    clipboard: "Planen är kopierad som text. Klistra in den i till exempel ett e-postmeddelande.",
    noClipboard: "Det gick inte att kopiera. Spara planen som textfil i stället.",
    tooBig: (file, mb) => `Filen ”${file}” är för stor (${mb} MB). En plan från checklistan är högst 1 MB.`,
    encoding: (file) => `Filen ”${file}” är inte sparad som UTF-8 och kan därför inte läsas. Öppna en fil som checklistan har sparat, eller spara om filen som UTF-8.`,
    notJson: (file, line) => `Filen ”${file}” är inte en plan från checklistan: den går inte att läsa${line ? ` (fel på rad ${line})` : ""}.`,
    notPlan: (file) => `Filen ”${file}” är inte en plan som har sparats från checklistan.`,
    version: (file, v) => `Filen ”${file}” har formatversion ${v}, som den här checklistan inte känner till. Spara planen på nytt från en aktuell checklista.`,
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
  };

  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

  const TABLE = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });

  /** CRC-32 (as in ZIP and PNG) of bytes. */
  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  /** A ZIP archive of stored (uncompressed) files, [{ name, text }], as bytes. */
  function zip(files, date) {
    const utf8 = new TextEncoder();
    const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
    const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
    const parts = [];
    const central = [];
    let offset = 0;
    files.forEach((file) => {
      const name = utf8.encode(file.name);
      const data = utf8.encode(file.text);
      const crc = crc32(data);
      const entry = (size, fields) => {
        const view = new DataView(new ArrayBuffer(size));
        fields.forEach(([at, value, bytes]) => {
          if (bytes === 4) view.setUint32(at, value, true);
          else view.setUint16(at, value, true);
        });
        return new Uint8Array(view.buffer);
      };
      /* Shared by the local header (from byte 4) and the central directory (from byte 6). */
      const common = (at) => [
        [at, 20], [at + 2, 0x0800], [at + 4, 0], [at + 6, time], [at + 8, day],
        [at + 10, crc, 4], [at + 14, data.length, 4], [at + 18, data.length, 4], [at + 22, name.length],
      ];
      parts.push(entry(30, [[0, 0x04034b50, 4], ...common(4)]), name, data);
      central.push(entry(46, [[0, 0x02014b50, 4], [4, 20], ...common(6), [42, offset, 4]]), name);
      offset += 30 + name.length + data.length;
    });
    const size = central.reduce((n, part) => n + part.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, files.length, true);
    end.setUint16(10, files.length, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    const out = new Uint8Array(offset + size + 22);
    let at = 0;
    parts.concat(central, [new Uint8Array(end.buffer)]).forEach((part) => {
      out.set(part, at);
      at += part.length;
    });
    return out;
  }

  /** Text for XML: escaped, without the characters XML cannot hold. */
  const xml = (text) => String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  /** One run of text; its line breaks and tabs kept. */
  function run(text, props) {
    const body = text.split(/\r\n?|\n/).map((line, i) => (i ? "<w:br/>" : "") + line.split("\t")
      .map((part, j) => (j ? "<w:tab/>" : "") + (part ? `<w:t xml:space="preserve">${xml(part)}</w:t>` : ""))
      .join("")).join("");
    return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${body}</w:r>`;
  }

  const para = (style, runs) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${runs}</w:p>`;
  const QUIET = '<w:i/><w:color w:val="555555"/>';

  function body(doc) {
    const out = [para("Title", run(doc.title))];
    doc.details.forEach((d) => out.push(para("", run(d.label + ": ", "<w:b/>") + run(d.text || "–"))));
    const answer = (f) => {
      if (f.label) out.push(para("Heading2", run(f.label)));
      out.push(para("", f.text ? run(f.text) : run(doc.noAnswer, QUIET)));
      f.others.forEach((o) => out.push(para("", run(doc.other, QUIET)), para("", run(o))));
    };
    doc.questions.forEach((q) => {
      out.push(para("Heading1", run(q.heading)), para("", run(q.statusLine, QUIET)));
      q.fields.forEach(answer);
    });
    if (doc.retired.length) {
      out.push(para("Heading1", run(doc.retiredTitle)));
      doc.retired.forEach(answer);
    }
    return out.join("");
  }

  const field = (code) =>
    `<w:fldSimple w:instr=" ${code} "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;

  const style = (id, name, pPr, rPr) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    `<w:next w:val="Normal"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;

  /** The plan as a .docx Blob. */
  function docx(doc) {
    const now = new Date();
    const stamp = now.toISOString().replace(/\.\d+Z$/, "Z");
    const rel = (id, type, target) =>
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    const files = [
      {
        name: "[Content_Types].xml",
        text: HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          "</Types>",
      },
      {
        name: "_rels/.rels",
        text: HEAD + `<Relationships xmlns="${PKG}">` +
          rel("rId1", R + "/officeDocument", "word/document.xml") +
          rel("rId2", PKG + "/metadata/core-properties", "docProps/core.xml") + "</Relationships>",
      },
      {
        name: "word/_rels/document.xml.rels",
        text: HEAD + `<Relationships xmlns="${PKG}">` + rel("rId1", R + "/styles", "styles.xml") +
          rel("rId2", R + "/footer", "footer1.xml") + "</Relationships>",
      },
      {
        name: "word/document.xml",
        text: HEAD + `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body(doc)}` +
          '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>' +
          '<w:pgSz w:w="11906" w:h="16838"/>' +
          '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/>' +
          "</w:sectPr></w:body></w:document>",
      },
      {
        name: "word/styles.xml",
        text: HEAD + `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>` +
          '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
          '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault>' +
          '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
          style("Title", "Title", '<w:spacing w:after="240"/>', '<w:b/><w:sz w:val="40"/><w:szCs w:val="40"/>') +
          style("Heading1", "heading 1", '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>',
            '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>') +
          style("Heading2", "heading 2", '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>',
            '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>') +
          style("Footer", "footer", '<w:spacing w:after="0"/>', '<w:sz w:val="16"/><w:szCs w:val="16"/>') +
          "</w:styles>",
      },
      {
        name: "word/footer1.xml",
        text: HEAD + `<w:ftr xmlns:w="${W}" xmlns:r="${R}">` +
          para("Footer", run(`${doc.guideline} – ${doc.url} – ${doc.date} – ${doc.pages[0]}`) +
            field("PAGE") + run(doc.pages[1]) + field("NUMPAGES")) + "</w:ftr>",
      },
      {
        name: "docProps/core.xml",
        text: HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
          `<dc:title>${xml(doc.title)}</dc:title><dc:language>sv-SE</dc:language>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
          `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
      },
    ];
    return new Blob([zip(files, now)], { type: DOCX });
  }

  /** File-name-safe ASCII form of a plan name. */
  const slug = (text) => (text || "namnlos").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50) || "namnlos";

  /** Offer text or a Blob as a file download. */
  function download(name, type, content) {
    const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The tools that need the checklist's own logic. */
  function make(core) {
    const { UserError, isObj, entries, own, ID, putText, addOther, emptyPlan, isDate, retiredIds } = core;
    const { clone, day, say, rebuild } = core;
    const fileName = (c, ext) => `utbildningsplan-${slug(c.shown().details.name)}-${day(new Date())}.${ext}`;
    const untitled = core.T.untitled;
    /** Answer text as Markdown that shows as written: no heading, list, link,
        code or HTML from the answer; its line breaks kept (two trailing spaces). */
    function mdEscape(text) {
      const lines = text.split(/\r\n?|\n/).map((line) => {
        let out = line.replace(/[\\`*_[\]]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;");
        out = out.replace(/^[ \t]+/, (s) => "\u00a0".repeat(s.replace(/\t/g, "    ").length));
        out = out.replace(/^(\u00a0*)([#>+-])/, "$1\\$2").replace(/^(\u00a0*\d+)([.)])/, "$1\\$2");
        return out.replace(/^(\u00a0*)([=~])/, (m, s, c) => `${s}&#${c.charCodeAt(0)};`);
      });
      /* A line followed by another in the same paragraph ends in a hard break. */
      return lines.map((line, i) => (line.trim() && (lines[i + 1] || "").trim() ? line + "  " : line)).join("\n");
    }

    /** The plan as plain text, or as Markdown when md is true. Each question once. */
    function planText(doc, md) {
      const esc = md ? mdEscape : (t) => t;
      const h = (level, text) => (md ? "#".repeat(level) + " " : "") + esc(text);
      const out = [h(1, doc.title), ""];
      doc.details.forEach((d) => out.push((md ? "- " : "") + `${d.label}: ${d.text ? esc(d.text) : "–"}`));
      const answer = (f) => {
        if (f.label) out.push("", h(3, f.label));
        out.push("", f.text ? esc(f.text) : doc.noAnswer);
        f.others.forEach((o) => out.push("", esc(doc.other), "", esc(o)));
      };
      doc.questions.forEach((q) => {
        out.push("", h(2, q.heading), "", q.statusLine);
        q.fields.forEach(answer);
      });
      if (doc.retired.length) {
        out.push("", h(2, doc.retiredTitle));
        doc.retired.forEach(answer);
      }
      out.push("", esc(doc.source));
      return out.join("\n") + "\n";
    }

    /** The plan as an export file (format vgr-checklista, version 1). */
    function exportDoc(plan, model, now) {
      const answers = [];
      const add = (id, question) => { if (plan.answers[id]) answers.push({ id, question, text: plan.answers[id] }); };
      model.questions.forEach((q) => q.fields.forEach((f) => add(f.id, f.text)));
      retiredIds(plan, model).forEach((id) => add(id, plan.questions[id] || ""));
      const conflicts = [];
      for (const [id, list] of Object.entries(plan.conflicts)) list.forEach((text) => conflicts.push({ id, text }));
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

    /** An export file as a new plan, named so it can be told from the original.
        Throws UserError for a file that is not a plan; notes tell what changed. */
    function planFromExport(doc, model, file, today) {
      if (!isObj(doc) || doc.format !== FORMAT) throw new UserError(T.notPlan(file));
      if (doc.version !== 1) throw new UserError(T.version(file, String(doc.version).slice(0, 20)));
      const src = doc.plan;
      if (!isObj(src)) throw new UserError(T.noPlan(file));
      const plan = emptyPlan();
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
        if (value) addOther(plan, id, value);
      });
      const base = (plan.details.name || untitled).replace(/ \(öppnad \d{4}-\d\d-\d\d\)$/, "");
      plan.details.name = T.opened(base, today);
      return { plan, notes };
    }


    /** Copy text with the site's copy script (copy.js, on every page);
        resolves true when it worked, false also when that script is missing. */
    function copyText(text) {
      return new Promise((resolve) => {
        const detail = { text, done: resolve };
        document.dispatchEvent(new CustomEvent("vgr:copy", { detail }));
        if (!detail.taken) resolve(false);
      });
    }

    /** A chosen file as a new plan: { plan, notes }, or a UserError. */
    function readFile(file, model, today) {
      if (file.size > MAX_BYTES) {
        return Promise.reject(new UserError(T.tooBig(file.name, (file.size / MAX_BYTES).toFixed(1))));
      }
      return file.arrayBuffer().then((bytes) =>
        planFromExport(parseJson(decodeFile(bytes, file.name), file.name), model, file.name, today));
    }

    const exportFile = (plan, model) => JSON.stringify(exportDoc(plan, model, new Date()), null, 2);

    /** A plan read from a file joins the checklist c as a new plan, never over another. */
    function imported(c, { plan, notes }, file) {
      const names = Object.values(c.known()).map((p) => p.details.name);
      const base = plan.details.name;
      for (let n = 2; names.includes(plan.details.name); n++) plan.details.name = `${base} ${n}`;
      c.open(c.add(plan));
      c.save();
      const report = c.notice("report");
      say(report.querySelector("[data-report-title]"), T.imported(plan.details.name, file, notes.length));
      rebuild(report.querySelector("[data-report-list]"), notes, (note) => {
        const li = document.createElement("li");
        li.textContent = note;
        return li;
      });
      report.hidden = false;
      c.message(T.imported(plan.details.name, file), null);
    }

    /** The actions of a checklist c that need these tools, or are rare (under
        "Fler val", or beside a text from another tab); c has saved what was pending. */
    const actions = {
      word(c) {
        download(fileName(c, "docx"), "", docx(c.doc(c.shown())));
      },
      "export-json"(c) {
        download(fileName(c, "json"), "application/json", exportFile(c.shown(), c.model));
      },
      "export-md"(c) {
        download(fileName(c, "md"), "text/markdown;charset=utf-8", planText(c.doc(c.shown()), true));
      },
      "copy-text"(c) {
        copyText(planText(c.doc(c.shown()), false)).then((ok) => c.message(ok ? T.clipboard : T.noClipboard, null));
      },
      duplicate(c) {
        const copy = clone(c.shown());
        copy.id = emptyPlan().id;
        copy.details.name = T.copyOf(c.nameOf(copy));
        c.open(c.add(copy));
        c.save();
        c.message(T.copied, null);
      },
      "delete-all"(c) {
        if (!window.confirm(T.confirmAll)) return;
        try {
          const s = window.localStorage;
          Object.keys(s).filter((k) => k.startsWith(core.PREFIX)).forEach((k) => s.removeItem(k));
        } catch (e) { /* nothing stored to remove */ }
        c.pending = [];
        c.store = { current: null, plans: {} };
        c.copies = {};
        c.goneUndo = c.damaged = null;
        c.notice("damaged").hidden = c.notice("gone").hidden = true;
        c.open(c.fresh(true));
        c.mark();
        c.message(T.deletedAll, null);
        document.dispatchEvent(new CustomEvent("vgr:checklist-saved", { detail: c }));
      },
      "save-damaged"(c) {
        download(`checklista-oläsligt-${day(new Date())}.txt`, "text/plain;charset=utf-8", c.damaged || "");
      },
      "conflict-add"(c, btn) {
        const item = btn.closest("[data-conflict-text]");
        const id = item.parentElement.dataset.conflicts;
        const el = c.form.querySelector(`[data-field="${id}"]`);
        const text = item.dataset.conflictText;
        el.value = el.value ? `${el.value}\n\n${text}` : text;
        c.typed(el);
        c.change({ type: "drop", plan: c.form.dataset.plan, field: id, text });
        el.focus();
        c.message(T.added, null);
      },
      "conflict-drop"(c, btn) {
        const item = btn.closest("[data-conflict-text]");
        const id = item.parentElement.dataset.conflicts;
        const text = item.dataset.conflictText;
        const plan = c.form.dataset.plan;
        c.change({ type: "drop", plan, field: id, text });
        c.form.querySelector(`[data-field="${id}"]`).focus();
        c.message(T.dropped, { plan, ops: [{ type: "keep", plan, field: id, text }] });
      },
    };

    return {
      docx, zip, crc32, mdEscape, planText, exportDoc, exportFile, decodeFile, parseJson,
      planFromExport, readFile, copyText, imported, actions,
    };
  }

  function offer() {
    document.dispatchEvent(new CustomEvent("vgr:checklist-files", { detail: { make } }));
  }
  offer();
  document.addEventListener("vgr:checklist-files-wanted", offer);
})();
