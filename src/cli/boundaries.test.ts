import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error — plain ESM script without type declarations
import { findViolations } from "../../scripts/check-boundaries.mjs";

describe("import boundaries", () => {
  const root = mkdtempSync(join(tmpdir(), "carnet-boundaries-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function file(path: string, text: string) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  it("hold in this repository", () => {
    expect(findViolations(join(import.meta.dirname, "../.."))).toEqual([]);
  });

  it("catch a server route reaching into storage and a domain file using node:fs", () => {
    file("src/storage/db.ts", "export const db = 1;\n");
    file("src/server/routes/x.ts", 'import { db } from "../../storage/db.js";\nexport const x = db;\n');
    file("src/domain/y.ts", 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n');
    file("src/web/z.tsx", 'export { x } from "../server/routes/x.js";\n');
    const problems: string[] = findViolations(root);
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toContain("src/server may not import src/storage");
    expect(problems.join("\n")).toContain("src/domain must stay free of server-only module 'node:fs'");
    expect(problems.join("\n")).toContain("src/web may not import src/server");
  });
});
