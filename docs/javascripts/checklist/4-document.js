/* Checklist, part 4: the plan document. Its one job: turn a plan into the one
   document every view of it renders from: the review, the printout, the text,
   Markdown and Word files. Words come from the page (data-checklist's
   "words", written once in macros/checklist_words.yml for template and
   script alike). Pure: runs in the browser and under Node. */
(function (parts) {
  "use strict";

  const core = parts.core || require("./1-core.js").core;
  const { textOf, copiesOf, retiredIds } = core;

  const pad = (n) => String(n).padStart(2, "0");
  const day = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const clock = (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  /** "{n} av {all}" filled in from values. */
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

  const answered = (plan, q) => q.fields.some((f) => (plan.answers[f.id] || "").trim());

  /** Ticked "Klar" with no answer: said so on screen, on paper and in files. */
  const doneUnanswered = (plan, q) => !!plan.done[q.id] && !answered(plan, q);

  function questionStatus(plan, q) {
    if (plan.done[q.id]) return "done";
    return answered(plan, q) ? "started" : "todo";
  }

  /** When a text was written, as a person reads it: "2026-12-02 kl. 10:42". */
  const written = (words, at) => fill(words.written, { date: day(new Date(at)), time: clock(new Date(at)) });

  /** meta: { guideline, url, date }; words: the shared words. */
  function planDoc(plan, model, meta, words) {
    const field = (id, label) => {
      const copies = copiesOf(plan, id);
      const stamp = plan.times[id];
      return {
        id, label, text: textOf(plan, model, id),
        /* Two versions: each labelled with when it was written, no word of tabs (paper). */
        note: copies.length ? fill(words.versions, { when: written(words, stamp ? stamp.at : plan.updated) }) : "",
        others: copies.map((c) => ({ text: c.text, label: fill(words.version, { when: written(words, c.at) }) })),
      };
    };
    const status = (q) => words.status[questionStatus(plan, q)];
    return {
      title: words.title + (plan.details.name ? ": " + plan.details.name : ""),
      name: plan.details.name || "",
      details: model.details.map((id) => field(id, model.labels[id])),
      questions: model.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: q.text,
        status: status(q),
        heading: fill(words.heading, { n: i + 1, text: q.text }),
        unanswered: doneUnanswered(plan, q),
        statusLine: words.statusLabel + " " + status(q) + (doneUnanswered(plan, q) ? words.unanswered : ""),
        fields: q.fields.map((f, j) => field(f.id, j ? f.text : "")),
      })),
      retired: retiredIds(plan, model).map((id) => field(id, plan.questions[id] || id)),
      retiredTitle: words.retired,
      noAnswer: words.noAnswer,
      pages: words.pages,
      guideline: meta.guideline,
      url: meta.url,
      date: meta.date,
      source: fill(words.source, meta),
    };
  }

  parts.document = { pad, day, clock, fill, written, questionStatus, doneUnanswered, planDoc };
})(typeof checklistParts === "object" ? checklistParts : module.exports);
