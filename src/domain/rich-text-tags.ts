/**
 * The rich-text allowlist, shared by every place that reads untrusted answer HTML: validation
 * (`validate-fields.ts`), exports (`src/exports/rich-text`) and the web app's read-only view and
 * editor. Tags outside both lists are unwrapped (their text kept, the tag gone).
 */

/** Tags kept as elements (links keep an http, https or mailto href; no other attribute survives). */
export const richTextTags: ReadonlySet<string> = new Set([
  "p",
  "br",
  "strong",
  "em",
  "u",
  "s",
  "a",
  "ul",
  "ol",
  "li",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "code",
]);

/** Tags dropped together with their content (scripts, styles, embedded objects, forms, media). */
export const richTextDroppedTags: ReadonlySet<string> = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "noscript",
  "template",
  "svg",
  "math",
  "head",
  "title",
  "textarea",
  "select",
  "button",
  "form",
  "frame",
  "frameset",
  "applet",
  "link",
  "meta",
  "base",
  "img",
  "video",
  "audio",
  "canvas",
]);
