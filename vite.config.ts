import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import MagicString from "magic-string";
import type { OutputBundle } from "rolldown";
import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import { importReportMessages, serverOnlyMessages } from "./src/i18n/server-only-messages.js";

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** True when evaluating `node` may run code (a call, `new`, a property read, a spread), nested functions aside. */
function runsCode(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some(runsCode);
  const { type } = node as AstNode;
  if (typeof type !== "string") return false;
  if (type === "ArrowFunctionExpression" || type === "FunctionExpression") return false;
  if (
    [
      "CallExpression",
      "NewExpression",
      "MemberExpression",
      "SpreadElement",
      "TaggedTemplateExpression",
    ].includes(type)
  )
    return true;
  return Object.entries(node).some(
    ([key, value]) => key !== "type" && typeof value === "object" && runsCode(value),
  );
}

/**
 * src/domain and src/contract are pure (no I/O), but their modules define zod schemas next to the
 * helpers the web app uses, and a bundler cannot tell that `localizedTextSchema.optional()` has no side
 * effect: every schema, and zod with them, would ship with the first helper imported. This marks each
 * top-level `const` whose value runs code as a pure IIFE, so unused schemas (and zod) are left out.
 */
function pureTopLevelDefinitions(): Plugin {
  return {
    name: "carnet:pure-top-level-definitions",
    apply: "build",
    enforce: "post",
    transform(code, id) {
      if (!/\/src\/(domain|contract)\/[^?]*\.ts$/.test(id)) return null;
      const program = this.parse(code) as unknown as { body: AstNode[] };
      const inits: AstNode[] = [];
      for (const statement of program.body) {
        const declaration =
          statement.type === "ExportNamedDeclaration" ? (statement.declaration as AstNode | null) : statement;
        if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") continue;
        for (const declarator of declaration.declarations as AstNode[]) {
          const init = declarator.init as AstNode | null;
          if (init && runsCode(init)) inits.push(init);
        }
      }
      if (inits.length === 0) return null;
      const output = new MagicString(code);
      for (const init of inits) {
        output.prependLeft(init.start, "/* @__PURE__ */ (() => (");
        output.appendRight(init.end, "))()");
      }
      return { code: output.toString(), map: output.generateMap({ hires: true, source: id }) };
    },
  };
}

const i18n = fileURLToPath(new URL("src/i18n/", import.meta.url));
const webCatalogues = fileURLToPath(new URL("src/web/catalogues.ts", import.meta.url));

/**
 * One message catalogue per interface language in the browser. src/i18n/translate.ts imports every
 * catalogue; the web app uses src/web/catalogues.ts in its place, which imports the interface
 * language's catalogue when needed. The catalogue files of src/i18n/catalogues/ each hold both
 * languages: they are imported once per language (`?lang=`), so each language's chunk keeps only its
 * own half.
 */
function catalogueChunks(): Plugin {
  return {
    name: "carnet:catalogue-chunks",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const from = importer.split("?")[0] ?? importer;
      if ((from === `${i18n}en.ts` || from === `${i18n}fr.ts`) && source.startsWith("./catalogues/")) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved && `${resolved.id}?lang=${from.endsWith("fr.ts") ? "fr" : "en"}`;
      }
      if (/(^|\/)i18n\/translate\.js$/.test(source) && from !== webCatalogues) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved?.id === `${i18n}translate.ts`) return webCatalogues;
      }
      return null;
    },
  };
}

/**
 * Leaves the messages only the server shows (src/i18n/server-only-messages.ts: command line, e-mails,
 * exported documents, API errors…) out of the web app's catalogues, and those of the import report
 * out of its language chunks (the import screen loads them): over a third of each language's messages.
 */
function webMessagesOnly(): Plugin {
  return {
    name: "carnet:web-messages-only",
    apply: "build",
    enforce: "post",
    transform(code, id) {
      if (!id.startsWith(`${i18n}catalogues/`)) return null;
      const languageChunk = id.includes("?lang=");
      const left = (key: string) =>
        serverOnlyMessages.test(key) || (languageChunk && importReportMessages.test(key));
      const program = this.parse(code) as unknown as { body: AstNode[] };
      const output = new MagicString(code);
      const visit = (node: unknown): void => {
        if (!node || typeof node !== "object") return;
        if (Array.isArray(node)) {
          for (const child of node) visit(child);
          return;
        }
        const { type, properties } = node as AstNode;
        if (type === "ObjectExpression") {
          const entries = properties as AstNode[];
          entries.forEach((property, index) => {
            const key = property.key as AstNode | undefined;
            if (property.type !== "Property" || key?.type !== "Literal") return;
            if (!left(String(key.value))) return;
            output.remove(property.start, entries[index + 1]?.start ?? property.end);
          });
          return;
        }
        for (const [name, value] of Object.entries(node)) if (name !== "type") visit(value);
      };
      visit(program.body);
      return output.hasChanged()
        ? { code: output.toString(), map: output.generateMap({ hires: true, source: id }) }
        : null;
    },
  };
}

const appModule = fileURLToPath(new URL("src/web/main.tsx", import.meta.url));

/**
 * index.html runs boot.ts, which starts the page's requests and then imports the app (main.tsx)
 * dynamically. This lists the app's chunks in index.html as modulepreload links, and its CSS as a
 * stylesheet, so that they download alongside boot.ts rather than once it has run.
 */
function preloadApp(): Plugin {
  return {
    name: "carnet:preload-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const bundle: OutputBundle | undefined = context.bundle;
        const app = Object.values(bundle ?? {}).find(
          (output) => output.type === "chunk" && output.facadeModuleId === appModule,
        );
        if (!bundle || !app) throw new Error("carnet:preload-app: no chunk for src/web/main.tsx");
        const chunks: string[] = [];
        const styles: string[] = [];
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (chunk?.type !== "chunk" || chunks.includes(fileName)) return;
          chunks.push(fileName);
          for (const name of chunk.imports) visit(name);
          for (const name of chunk.viteMetadata?.importedCss ?? [])
            if (!styles.includes(name)) styles.push(name);
        };
        visit(app.fileName);
        const tag = (rel: string, fileName: string): HtmlTagDescriptor => ({
          tag: "link",
          attrs: { rel, crossorigin: true, href: `/${fileName}` },
          injectTo: "head",
        });
        return [
          ...chunks.filter((name) => !html.includes(`/${name}"`)).map((name) => tag("modulepreload", name)),
          ...styles.filter((name) => !html.includes(`/${name}"`)).map((name) => tag("stylesheet", name)),
        ];
      },
    },
  };
}

// The web app lives in src/web and is built to dist/web, which the server serves at `/`.
export default defineConfig({
  root: "src/web",
  plugins: [react(), catalogueChunks(), pureTopLevelDefinitions(), webMessagesOnly(), preloadApp()],
  build: { outDir: "../../dist/web", emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" } },
});
