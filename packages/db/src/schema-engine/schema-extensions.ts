// Works around a bug of the wasm engine (prisma-engines: schema_from_migrations_with_target with a driver
// adapter): it describes the shadow database without the schema's preview features, so the postgresqlExtensions
// feature is off there and every extension the migrations created is forgotten. `migrate dev` would then add
// `CREATE EXTENSION` to every new migration and `migrate diff --from-migrations` would never be empty.
// Fix: remember which extensions the shadow database really has after the migrations ran, and drop exactly those
// from the schema the shadow is compared with (they are, by construction, not a difference).

/** Splits a PSL list body at commas that are not inside parentheses or strings. */
function splitListEntries(body: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (const char of body) {
    if (char === '"') inString = !inString;
    if (!inString && char === '(') depth++;
    if (!inString && char === ')') depth--;
    if (!inString && depth === 0 && char === ',') {
      entries.push(current);
      current = '';
    } else current += char;
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** The database name of an `extensions` entry: `vector`, `uuidOssp(map: "uuid-ossp")`, `pg_trgm(schema: "x")`. */
function extensionName(entry: string): string {
  const mapped = /\bmap\s*:\s*"([^"]+)"/.exec(entry);
  return mapped ? mapped[1] : entry.replace(/\(.*$/s, '').trim();
}

const extensionsProperty = /(datasource\s+\w+\s*\{[^}]*?\bextensions\s*=\s*\[)([^\]]*)(\])/s;

/** The extensions a schema file's datasource lists, by database name. */
export function listSchemaExtensions(schema: string): string[] {
  const match = extensionsProperty.exec(schema);
  return match ? splitListEntries(match[2]).map(extensionName) : [];
}

/** The schema text without the named extensions in its datasource's `extensions = [...]`. */
export function removeSchemaExtensions(schema: string, names: ReadonlySet<string>): string {
  return schema.replace(extensionsProperty, (_all, head: string, body: string, tail: string) => {
    const kept = splitListEntries(body).filter((entry) => !names.has(extensionName(entry)));
    return `${head}${kept.join(', ')}${tail}`;
  });
}

interface SchemaFile {
  path: string;
  content: string;
}

/** Params with every schema file of `schema`/`from`/`to` stripped of the named extensions. */
export function stripExtensionsFromParams(
  params: Record<string, unknown>,
  names: ReadonlySet<string>,
): Record<string, unknown> {
  if (names.size === 0) return params;
  const stripFiles = (container: unknown) => {
    const files = (container as { files?: SchemaFile[] } | undefined)?.files;
    if (!Array.isArray(files)) return container;
    return {
      ...(container as object),
      files: files.map((file) => ({ ...file, content: removeSchemaExtensions(file.content, names) })),
    };
  };
  const next: Record<string, unknown> = { ...params };
  for (const key of ['schema', 'from', 'to']) {
    if (next[key] !== undefined) next[key] = stripFiles(next[key]);
  }
  return next;
}
