import react from "@vitejs/plugin-react";
import MagicString from "magic-string";
import { defineConfig, type Plugin } from "vite";

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

// The web app lives in src/web and is built to dist/web, which the server serves at `/`.
export default defineConfig({
  root: "src/web",
  plugins: [react(), pureTopLevelDefinitions()],
  build: { outDir: "../../dist/web", emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" } },
});
