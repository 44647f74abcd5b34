import { type ExportDocument, footerText, type LayoutOptions, paperSizesMm } from "../document/model.js";
import { escapeXml } from "./xml.js";

/** Namespaces shared by the ODF parts. */
export const odfNamespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(" ");

const headingScale = [1.8, 1.45, 1.2, 1.05, 1, 1];

function headingStyles(fontSize: number): string {
  return headingScale
    .map(
      (
        scale,
        index,
      ) => `<style:style style:name="Heading_20_${index + 1}" style:display-name="Heading ${index + 1}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${index + 1}" style:class="text">
<style:paragraph-properties fo:margin-top="${(fontSize * (index === 0 ? 1.2 : 0.9)).toFixed(1)}pt" fo:margin-bottom="${(fontSize * 0.4).toFixed(1)}pt" fo:keep-with-next="always"/>
<style:text-properties fo:font-size="${(fontSize * scale).toFixed(1)}pt" fo:font-weight="bold"/>
</style:style>`,
    )
    .join("\n");
}

function outlineStyle(): string {
  const levels = Array.from(
    { length: 10 },
    (_, i) =>
      `<text:outline-level-style text:level="${i + 1}" style:num-format=""><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:outline-level-style>`,
  ).join("");
  return `<text:outline-style style:name="Outline">${levels}</text:outline-style>`;
}

function listStyle(name: string, ordered: boolean): string {
  const levels = Array.from({ length: 10 }, (_, i) => {
    const props = `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${(i + 1) * 0.6}cm" fo:text-indent="-0.5cm" fo:margin-left="${(i + 1) * 0.6}cm"/></style:list-level-properties>`;
    return ordered
      ? `<text:list-level-style-number text:level="${i + 1}" style:num-suffix="." style:num-format="1">${props}</text:list-level-style-number>`
      : `<text:list-level-style-bullet text:level="${i + 1}" text:bullet-char="${i % 2 === 0 ? "•" : "◦"}">${props}</text:list-level-style-bullet>`;
  }).join("");
  return `<text:list-style style:name="${name}">${levels}</text:list-style>`;
}

/** styles.xml: named styles (headings with outline levels), page layout, footer with page N / M. */
export function odtStylesXml(document: ExportDocument, layout: LayoutOptions): string {
  const paper = paperSizesMm[layout.paper];
  const size = layout.fontSize;
  const [before, after] = footerText(document.meta, "\u0000", "\u0001").split("\u0000") as [string, string];
  const [middle, end] = after.split("\u0001") as [string, string];
  const footer = `${escapeXml(before)}<text:page-number text:select-page="current">1</text:page-number>${escapeXml(middle)}<text:page-count>1</text:page-count>${escapeXml(end)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${odfNamespaces} office:version="1.3">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/><style:font-face style:name="DejaVu Sans Mono" svg:font-family="'DejaVu Sans Mono'" style:font-family-generic="modern" style:font-pitch="fixed"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="${size}pt" fo:language="${escapeXml(document.meta.language)}" fo:country="none"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="${(size * 0.5).toFixed(1)}pt" fo:line-height="130%"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"/>
${headingStyles(size)}
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="chapter"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Label" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-bottom="2pt" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Placeholder" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-style="italic" fo:color="#555555"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="extra"><style:paragraph-properties fo:margin-bottom="2pt"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Source_20_Text" style:display-name="Source Text" style:family="text"><style:text-properties style:font-name="DejaVu Sans Mono"/></style:style>
<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#000080" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
${outlineStyle()}
${listStyle("List_20_Bullet", false)}
${listStyle("List_20_Number", true)}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PageLayout"><style:page-layout-properties fo:page-width="${paper.width}mm" fo:page-height="${paper.height}mm" style:print-orientation="portrait" fo:margin-top="${layout.marginMm}mm" fo:margin-bottom="${Math.max(layout.marginMm - 8, 2)}mm" fo:margin-left="${layout.marginMm}mm" fo:margin-right="${layout.marginMm}mm"/><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="4mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="PageLayout"><style:footer><text:p text:style-name="Footer">${footer}</text:p></style:footer></style:master-page>
</office:master-styles>
</office:document-styles>
`;
}

/** meta.xml: title, language and generator. */
export function odtMetaXml(document: ExportDocument): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${odfNamespaces} office:version="1.3"><office:meta><meta:generator>Carnet</meta:generator><dc:title>${escapeXml(document.meta.title)}</dc:title><dc:language>${escapeXml(document.meta.language)}</dc:language>${document.meta.author ? `<meta:initial-creator>${escapeXml(document.meta.author)}</meta:initial-creator>` : ""}</office:meta></office:document-meta>
`;
}

export const odtManifestXml = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;
