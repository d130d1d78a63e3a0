/* Checklist file tools, part 4: the rarer actions. Their one job: do what
   the buttons under "Fler val" and beside a kept copy ask, through the
   checklist's declared api() (part 6 of checklist.js), never by writing its
   fields. The checklist adds javascripts/checklist-files.js from its
   data-files-src and gets these by a document event, no globals: make(logic)
   returns them, logic being the checklist's pure parts (Checklist.logic). */
(function (parts) {
  "use strict";

  const { word, text, json } = parts;

  /* Everything these actions say to the person. */
  const T = {
    copyOf: (name) => `Kopia av ${name}`,
    copied: "Planen har kopierats. Ni arbetar nu i kopian.",
    confirmAll: "Ta bort alla planer i den här webbläsaren? Det går inte att ångra.",
    deletedAll: "Alla planer är borttagna ur den här webbläsaren.",
    added: "Den andra versionen står nu under texten i rutan.",
    dropped: "Den andra versionen är borttagen.",
    imported: (name, file, notes) => `Planen ”${name}” har skapats från filen ”${file}”.${notes ? " Det här ändrades:" : ""}`,
    clipboard: "Planen är kopierad som text. Klistra in den i till exempel ett e-postmeddelande.",
    noClipboard: "Det gick inte att kopiera. Spara planen som textfil i stället.",
  };

  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** File-name-safe ASCII form of a plan name. */
  const slug = (name) => (name || "namnlos").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
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

  /** Copy text with the site's copy script (copy.js, on every page);
      resolves true when it worked, false also when that script is missing. */
  function copyText(value) {
    return new Promise((resolve) => {
      const detail = { text: value, done: resolve };
      document.dispatchEvent(new CustomEvent("vgr:copy", { detail }));
      if (!detail.taken) resolve(false);
    });
  }

  function make(logic) {
    const { UserError, clone, day } = logic;
    const files = json.make(logic);
    const fileName = (c, ext) => `utbildningsplan-${slug(c.shown().details.name)}-${day(new Date())}.${ext}`;
    const docx = (doc) => new Blob([word.docx(doc)], { type: DOCX });
    const exportFile = (plan, model) => JSON.stringify(files.exportDoc(plan, model, new Date()), null, 2);

    /** A chosen file as a new plan for checklist api c: { plan, notes }, or a UserError. */
    function readFile(c, file) {
      if (file.size > json.MAX_BYTES) {
        return Promise.reject(new UserError(json.T.tooBig(file.name, (file.size / json.MAX_BYTES).toFixed(1))));
      }
      const opts = { today: day(new Date()), id: c.newId(), now: Date.now(), untitled: c.words.untitled };
      return file.arrayBuffer().then((bytes) =>
        files.planFromExport(files.parseJson(files.decodeFile(bytes, file.name), file.name), c.model, file.name, opts));
    }

    /** A plan read from a file joins as a new plan, never over another. */
    function importFile(c, file) {
      return readFile(c, file).then(({ plan, notes }) => {
        const names = c.names();
        const base = plan.details.name;
        for (let n = 2; names.includes(plan.details.name); n++) plan.details.name = `${base} ${n}`;
        c.add(plan);
        c.report(T.imported(plan.details.name, file.name, notes.length), notes);
        c.message(T.imported(plan.details.name, file.name));
      });
    }

    const conflictOf = (btn) => {
      const item = btn.closest("[data-conflict-text]");
      return [item.parentElement.dataset.conflicts, item.dataset.conflictText];
    };

    /** The actions, each given the checklist's api (it has saved what was pending). */
    const actions = {
      word(c) {
        download(fileName(c, "docx"), "", docx(c.doc()));
      },
      "export-json"(c) {
        download(fileName(c, "json"), "application/json", exportFile(c.shown(), c.model));
      },
      "export-text"(c) {
        /* Plain text: a .txt file opens with a double-click everywhere (.md does not). */
        download(fileName(c, "txt"), "text/plain;charset=utf-8", text.planText(c.doc()));
      },
      "copy-text"(c) {
        copyText(text.planText(c.doc())).then((ok) => c.message(ok ? T.clipboard : T.noClipboard));
      },
      duplicate(c) {
        const copy = clone(c.shown());
        copy.id = c.newId();
        copy.details.name = T.copyOf(c.nameOf(copy));
        c.add(copy);
        c.message(T.copied);
      },
      "delete-all"(c) {
        if (!window.confirm(T.confirmAll)) return;
        c.removeAll();
        c.message(T.deletedAll);
      },
      "save-damaged"(c) {
        download(`checklista-oläsligt-${day(new Date())}.txt`, "text/plain;charset=utf-8", c.damaged());
        c.damagedSaved();
      },
      "conflict-add"(c, btn) {
        const [field, value] = conflictOf(btn);
        c.choose(field, value, true);
        c.message(T.added);
      },
      "conflict-drop"(c, btn) {
        const [field, value] = conflictOf(btn);
        c.message(T.dropped, c.choose(field, value, false));
      },
    };

    return Object.assign({}, word, text, files, { docx, exportFile, readFile, importFile, copyText, actions });
  }

  function offer() {
    document.dispatchEvent(new CustomEvent("vgr:checklist-files", { detail: { make } }));
  }
  offer();
  document.addEventListener("vgr:checklist-files-wanted", offer);
})(typeof checklistParts === "object" ? checklistParts : module.exports);
