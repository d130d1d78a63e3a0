/* Checklist file tools, part 2: the text exporter. Its one job: the plan document as plain
   text (to copy) or as Markdown that shows every answer as written.
   Loaded with the other parts as javascripts/checklist-files.js, the first
   time a person uses a file tool (joined at build time; a classic script). */
(function (parts) {
  "use strict";
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
      if (f.note) out.push("", esc(f.note));
      f.others.forEach((o) => out.push("", esc(o.label), "", esc(o.text)));
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

  parts.text = { mdEscape, planText };
})(typeof checklistParts === "object" ? checklistParts : module.exports);
