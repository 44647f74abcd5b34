import { Fragment, type ReactNode, useMemo } from "react";
import { richTextDroppedTags, richTextTags } from "../../../../domain/rich-text-tags.js";
import { defuseHtml, isSafeLink } from "./values.js";

/**
 * Read-only rich text, rendered through the same allowlist as exports (src/exports/rich-text): only
 * p, br, strong, em, u, s, a (http, https, mailto), ul, ol, li, h3–h6, blockquote and code become
 * elements; anything else keeps its text only, and scripts, styles and embeds are dropped. The HTML
 * is parsed in a <template> (inert: nothing loads or runs) and never injected into the page.
 */
const kept = richTextTags;
const renamed: Record<string, string> = { b: "strong", i: "em", h1: "h3", h2: "h3", strike: "s", del: "s" };
const droppedWithContent = richTextDroppedTags;

function renderNodes(nodes: NodeListOf<ChildNode>, prefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    const key = `${prefix}.${index}`;
    if (node.nodeType === 3) {
      out.push(<Fragment key={key}>{node.textContent}</Fragment>);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const raw = element.tagName.toLowerCase();
    if (droppedWithContent.has(raw)) return;
    const tag = renamed[raw] ?? raw;
    const children = renderNodes(element.childNodes, key);
    if (!kept.has(tag)) {
      out.push(<Fragment key={key}>{children}</Fragment>);
      return;
    }
    if (tag === "br") {
      out.push(<br key={key} />);
      return;
    }
    if (tag === "a") {
      const href = element.getAttribute("href") ?? "";
      out.push(
        isSafeLink(href) ? (
          <a key={key} href={href.trim()} rel="noopener noreferrer nofollow" target="_blank">
            {children}
          </a>
        ) : (
          <Fragment key={key}>{children}</Fragment>
        ),
      );
      return;
    }
    const Tag = tag as "p";
    out.push(<Tag key={key}>{children}</Tag>);
  });
  return out;
}

export function RichTextView({ html, lang }: { html: string; lang?: string }) {
  const content = useMemo(() => {
    // A <template>'s content is inert: no image loads, no handler runs (DOMParser documents do load images).
    const template = document.createElement("template");
    template.innerHTML = defuseHtml(html);
    return renderNodes(template.content.childNodes, "n");
  }, [html]);
  return (
    <div className="carnet-rich-text" lang={lang}>
      {content}
    </div>
  );
}
