/* Checklist file tools, part 1: the Word exporter. Its one job: the plan document as a .docx
   file (Office Open XML: a ZIP of stored files with CRC-32, in plain JS).
   Loaded with the other parts as javascripts/checklist-files.js, the first
   time a person uses a file tool (joined at build time; a classic script). */
(function (parts) {
  "use strict";
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
      if (f.note) out.push(para("", run(f.note, QUIET)));
      f.others.forEach((o) => out.push(para("", run(o.label, QUIET)), para("", run(o.text))));
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

  /** The plan document as the bytes of a .docx file. */
  function docx(doc) {
    const now = new Date();
    /* "Sida {page} av {pages}" around the two page fields, on a line of its own
       (after the address it wrapped, "Sida 2" on one line, "av 2" on the next). */
    const pages = (doc.date + " – " + doc.pages).split(/\{pages?\}/);
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
          para("Footer", run(`${doc.guideline} – ${doc.url}`)) +
          para("Footer", run(pages[0]) + field("PAGE") + run(pages[1]) + field("NUMPAGES") + run(pages[2])) + "</w:ftr>",
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
    return zip(files, now);
  }

  parts.word = { docx, zip, crc32 };
})(typeof checklistParts === "object" ? checklistParts : module.exports);
