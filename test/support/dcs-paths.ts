import { readFileSync } from "node:fs";

type SchemaNode = {
  $ref?: string;
  type?: string | string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

/**
 * Every property path of the RDA DCS 1.2 model (`dmp.title`, `dmp.dataset.distribution.host.title`…),
 * walked from the official JSON schema; arrays are transparent. Paths under `dmp.dataset` are also
 * listed without the `dmp.` prefix (`dataset.keyword`), the form template bindings use.
 */
export function dcsPaths(schemaFile: URL): Set<string> {
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as SchemaNode & {
    $defs: Record<string, SchemaNode>;
  };
  const paths = new Set<string>();
  const walk = (node: SchemaNode, path: string, depth: number) => {
    if (depth > 12) return;
    const resolved = node.$ref ? schema.$defs[node.$ref.split("/").pop()!]! : node;
    if (resolved.items) walk(resolved.items, path, depth + 1);
    for (const sub of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
      walk(sub, path, depth + 1);
    }
    for (const [name, child] of Object.entries(resolved.properties ?? {})) {
      const childPath = `${path}.${name}`;
      paths.add(childPath);
      walk(child, childPath, depth + 1);
    }
  };
  walk(schema.properties!.dmp!, "dmp", 0);
  paths.add("dmp");
  for (const path of [...paths]) if (path.startsWith("dmp.dataset")) paths.add(path.slice(4));
  return paths;
}
