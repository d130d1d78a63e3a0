/* Checklist file tools, part 2: the text exporter. Its one job: the plan document as plain
   text, every answer as written (to save as a .txt file or to copy).
   Loaded with the other parts as javascripts/checklist-files.js, the first
   time a person uses a file tool (joined at build time; a classic script). */
(function (parts) {
  "use strict";
  /** The plan as plain text. Each question once. */
  function planText(doc) {
    const out = [doc.title, ""];
    doc.details.forEach((d) => out.push(`${d.label}: ${d.text || "–"}`));
    const answer = (f) => {
      if (f.label) out.push("", f.label);
      out.push("", f.text || doc.noAnswer);
      if (f.note) out.push("", f.note);
      f.others.forEach((o) => out.push("", o.label, "", o.text));
    };
    doc.questions.forEach((q) => {
      out.push("", q.heading, "", q.statusLine);
      q.fields.forEach(answer);
    });
    if (doc.retired.length) {
      out.push("", doc.retiredTitle);
      doc.retired.forEach(answer);
    }
    out.push("", doc.source);
    return out.join("\n") + "\n";
  }

  parts.text = { planText };
})(typeof checklistParts === "object" ? checklistParts : module.exports);
