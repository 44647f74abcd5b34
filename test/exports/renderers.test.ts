import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type * as fontkit from "fontkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocument } from "../../src/exports/document/build-document.js";
import type { ExportDocument, LayoutOptions } from "../../src/exports/document/model.js";
import { renderDocument } from "../../src/exports/render/index.js";
import { pdfFonts } from "../../src/exports/render/pdf-fonts.js";
import { closeRenderPool, renderInWorker, writeFileAtomic } from "../../src/exports/render/render-pool.js";
import { fixtureTemplate, fixtureVocabularies, referencePlan } from "../support/export-plans.js";
import { hasCommand, libreofficeToPdfs, pdfText, squash, zipEntry } from "../support/extract-text.js";

const a4: LayoutOptions = { fontSize: 10, marginMm: 20, paper: "a4" };
let document: ExportDocument;
beforeAll(() => {
  document = buildDocument(
    referencePlan(),
    fixtureTemplate(),
    { language: "fr", headings: true, unanswered: false, cover: true },
    fixtureVocabularies(),
  );
});
afterAll(() => closeRenderPool());

const havePoppler = hasCommand("pdfinfo") && hasCommand("pdftotext");
const haveLibreoffice = hasCommand("soffice");
if (!haveLibreoffice)
  console.warn(
    "LibreOffice (soffice) is missing (Debian: libreoffice-writer-nogui): the 'opens in LibreOffice' tests are skipped here; CI installs it.",
  );

let opened: Promise<{ docx?: Uint8Array | undefined; odt?: Uint8Array | undefined }> | undefined;
/** The document's DOCX and ODT renderings as LibreOffice prints them to PDF: one LibreOffice run for both tests. */
function openedInLibreoffice() {
  opened ??= (async () => {
    const [docx, odt] = libreofficeToPdfs([
      { bytes: await renderDocument(document, "docx", a4), extension: "docx" },
      { bytes: await renderDocument(document, "odt", a4), extension: "odt" },
    ]);
    return { docx, odt };
  })();
  return opened;
}

function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "carnet-info-"));
  try {
    writeFileSync(join(dir, "a.pdf"), bytes);
    const out = execFileSync("pdfinfo", ["-enc", "UTF-8", join(dir, "a.pdf")], { encoding: "utf8" });
    const fonts = execFileSync("pdffonts", [join(dir, "a.pdf")], { encoding: "utf8" });
    return {
      ...Object.fromEntries(
        out.split("\n").map((line) => [line.split(":")[0]!.trim(), line.slice(line.indexOf(":") + 1).trim()]),
      ),
      fonts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("PDF renderer", () => {
  it("embeds fonts that cover French and European text (no glyph substitution)", () => {
    const sample = "éèêëàâçœæÉÈÇŒ«»’“”…–—€ äöüßÄÖÜ ñ ł ą ę ř š ž ø å • ◦ \u202f\u00a0";
    for (const font of Object.values(pdfFonts()))
      for (const char of sample)
        expect((font as unknown as fontkit.Font).hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
  });

  it.skipIf(!havePoppler)(
    "has selectable text, title and language metadata, tags, embedded fonts and bookmarks",
    async () => {
      const bytes = await renderDocument(document, "pdf", a4);
      const info = pdfInfo(bytes);
      expect(info.Title).toBe(document.meta.title);
      expect(info.Tagged).toBe("yes");
      expect(info["Page size"]).toContain("595.276 x 841.89");
      for (const line of info.fonts!.split("\n").slice(2).filter(Boolean))
        expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
      const raw = Buffer.from(bytes).toString("latin1");
      expect(raw).toMatch(/\/Lang \(fr\)/);
      expect(raw).toMatch(/\/Outlines \d+ 0 R/);
      expect(raw).toMatch(/\/StructTreeRoot/);
      expect(raw).toContain("/URI (https://orcid.org/0000-0003-0579-8173)"); // live links
      const text = squash(pdfText(bytes));
      expect(text).toContain("Renseignements sur le plan");
      expect(text).toMatch(/CC-BY-4\.0 — page 1 \/ \d/);
    },
  );

  it.skipIf(!havePoppler)(
    "tags table rows and cells, header cells with their scope, and list items",
    async () => {
      const text = (value: string) => [
        { kind: "paragraph" as const, runs: [{ kind: "text" as const, text: value }] },
      ];
      const tagged: ExportDocument = {
        meta: { title: "Structure", language: "en", pageLabel: "page {page} / {pages}" },
        blocks: [
          { kind: "fields", rows: [{ label: "Funder", value: text("Agence nationale de la recherche") }] },
          { kind: "table", header: ["Name", "Role"], rows: [[text("Ada"), text("Data steward")]] },
          { kind: "list", ordered: true, items: [text("first item"), text("second item")] },
        ],
      };
      const dir = mkdtempSync(join(tmpdir(), "carnet-struct-"));
      try {
        writeFileSync(join(dir, "a.pdf"), await renderDocument(tagged, "pdf", a4));
        const tree = execFileSync("pdfinfo", ["-struct-text", join(dir, "a.pdf")], { encoding: "utf8" });
        const squashed = tree.replace(/ \(block\)/g, "").replace(/\s+/g, " ");
        expect(squashed).toContain('TR TH: /Scope /Row "Funder" TD "Agence nationale de la recherche"');
        expect(squashed).toContain('TR TH: /Scope /Column "Name" TH: /Scope /Column "Role"');
        expect(squashed).toContain('TR TD "Ada" TD "Data steward"');
        expect(squashed).toContain('L LI Lbl "1." LBody "first item" LI Lbl "2." LBody "second item"');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!havePoppler)("honours paper size, margins and font size", async () => {
    const letter = await renderDocument(document, "pdf", { fontSize: 8, marginMm: 5, paper: "letter" });
    const large = await renderDocument(document, "pdf", { fontSize: 14, marginMm: 25, paper: "a4" });
    expect(pdfInfo(letter)["Page size"]).toContain("612 x 792");
    expect(Number(pdfInfo(large).Pages)).toBeGreaterThan(Number(pdfInfo(letter).Pages));
  });
});

describe("DOCX renderer", () => {
  it("uses real heading styles, lists, tables, live links, page fields and the document's language", async () => {
    const bytes = await renderDocument(document, "docx", a4);
    const body = zipEntry(bytes, "word/document.xml");
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toContain("<w:numPr>");
    expect(body).toContain("<w:tblHeader/>");
    expect(body).toMatch(/<w:hyperlink [^>]*r:id="rId\w+"/);
    expect(zipEntry(bytes, "word/_rels/document.xml.rels")).toMatch(
      /Target="https:\/\/orcid\.org\/0000-0002-3992-0547" TargetMode="External"/,
    );
    const footer = Object.keys(unzipSync(bytes)).find((name) => name.startsWith("word/footer"));
    const footerXml = zipEntry(bytes, footer!);
    expect(footerXml).toContain("PAGE");
    expect(footerXml).toContain("NUMPAGES");
    expect(zipEntry(bytes, "word/styles.xml")).toContain('w:lang w:val="fr"');
    expect(zipEntry(bytes, "docProps/core.xml")).toContain("<dc:title>DMP du projet");
  });

  it.skipIf(!haveLibreoffice || !havePoppler)(
    "opens in LibreOffice",
    async () => {
      const pdf = (await openedInLibreoffice()).docx;
      expect(pdf, "LibreOffice converted the DOCX file").toBeDefined();
      const text = squash(pdfText(pdf as Uint8Array));
      expect(text).toContain("Renseignements sur le projet");
      expect(text).toContain("Personne contact (RO1)");
    },
    180_000,
  );
});

describe("ODT renderer", () => {
  it("stores mimetype first, uncompressed, and writes outline headings, lists, tables, links and page fields", async () => {
    const bytes = await renderDocument(document, "odt", a4);
    const head = Buffer.from(bytes.subarray(0, 80)).toString("latin1");
    expect(head.slice(30, 38)).toBe("mimetype");
    expect(Buffer.from(bytes).readUInt16LE(8)).toBe(0); // compression method: stored
    expect(head.slice(38, 77)).toBe("application/vnd.oasis.opendocument.text");
    const content = zipEntry(bytes, "content.xml");
    expect(content).toMatch(/<text:h text:style-name="Heading_20_1" text:outline-level="1">/);
    expect(content).toContain("<text:list ");
    expect(content).toContain("<table:table ");
    expect(content).toContain('xlink:href="https://orcid.org/0000-0003-0579-8173"');
    const styles = zipEntry(bytes, "styles.xml");
    expect(styles).toContain("<text:page-number");
    expect(styles).toContain("<text:page-count");
    expect(zipEntry(bytes, "meta.xml")).toContain("<dc:language>fr</dc:language>");
  });

  it.skipIf(!haveLibreoffice || !havePoppler)(
    "opens in LibreOffice",
    async () => {
      const pdf = (await openedInLibreoffice()).odt;
      expect(pdf, "LibreOffice converted the ODT file").toBeDefined();
      const text = squash(pdfText(pdf as Uint8Array));
      expect(text).toContain("Renseignements sur le projet");
      expect(text).toMatch(/CC-BY-4\.0 — page 1 \/ \d/);
    },
    180_000,
  );
});

describe("rendering off the event loop", () => {
  it("renders in a worker thread with the same result as in process", async () => {
    const [inWorker, inProcess] = await Promise.all([
      renderInWorker(document, "md", a4),
      renderDocument(document, "md", a4),
    ]);
    expect(new TextDecoder().decode(inWorker)).toBe(new TextDecoder().decode(inProcess));
    const pdf = await renderInWorker(document, "pdf", a4);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // each format has its worker entry: all of them answer
    const html = await renderInWorker(document, "html", a4);
    expect(new TextDecoder().decode(html)).toBe(
      new TextDecoder().decode(await renderDocument(document, "html", a4)),
    );
    for (const format of ["docx", "odt"] as const) {
      const zip = await renderInWorker(document, format, a4);
      expect(Buffer.from(zip.subarray(0, 2)).toString("latin1")).toBe("PK");
    }
  });

  it("writes atomically: a failed write leaves no file, partial or temporary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carnet-atomic-"));
    try {
      const target = join(dir, "plan.pdf");
      mkdirSync(target); // renaming a file over a directory fails
      await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
      expect(readdirSync(dir)).toEqual(["plan.pdf"]);
      const ok = join(dir, "ok.md");
      await writeFileAtomic(ok, new TextEncoder().encode("# ok\n"));
      expect(readdirSync(dir).sort()).toEqual(["ok.md", "plan.pdf"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
