/* "Spara som textfil" (issue 22): the plan as plain text in a .txt file,
   which every computer opens with a double-click (a .md file Windows does
   not). Adds the action "export-text" to the checklist's file tools when
   they load (checklist-files.js offers them by the document event
   "vgr:checklist-files"; this listener is there first and wraps their
   make()), built from the tools' own planText. Once checklist-files.js has
   an "export-text" action of its own this file does nothing and can go.
   Classic script, no globals. */
(function () {
  "use strict";

  const slug = (text) => (text || "namnlos").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50) || "namnlos";

  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function withTextFile(event) {
    const detail = event.detail;
    if (!detail || typeof detail.make !== "function" || detail.make.textFile) return;
    const make = detail.make;
    const wrapped = (core) => {
      const tools = make(core);
      if (!tools.actions["export-text"]) {
        tools.actions["export-text"] = (c) => {
          const plan = c.shown();
          const name = `utbildningsplan-${slug(plan.details.name)}-${core.day(new Date())}.txt`;
          download(name, tools.planText(c.doc(plan), false));
        };
      }
      return tools;
    };
    wrapped.textFile = true;
    detail.make = wrapped;
  }

  document.addEventListener("vgr:checklist-files", withTextFile);
})();
