import { readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type * as z from "zod";
import { CODEBOOK_FILES, codebookSchema, type Codebook } from "./schema.js";

/** Every problem of a codebook, one line each: `codebook/triggers.yaml:42: entry "x": ...`. */
export class CodebookError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "CodebookError";
  }
}

/**
 * Reads and checks every file of the codebook in `dir`. Throws a `CodebookError` listing all the
 * problems found (not only the first): an analyst editing a copy fixes them in one pass.
 */
export function readCodebook(dir: string): Codebook {
  const problems: string[] = [];
  const book: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(CODEBOOK_FILES) as [keyof Codebook, string][]) {
    // Named from the folder, as an analyst sees it: codebook/triggers.yaml.
    const name = join(basename(resolve(dir)), file);
    const read = readFile(join(dir, file));
    if (typeof read !== "string") {
      problems.push(`${name}: ${read.error}`);
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(read, { lineCounter: lines });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(`${name}:${e.linePos?.[0].line ?? 1}: ${e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "")}`);
      continue;
    }
    const value: unknown = doc.toJS();
    const result = codebookSchema.shape[key].safeParse(value, { reportInput: true });
    if (result.success) book[key] = result.data;
    else {
      const found = result.error.issues.flatMap((issue) => describe(issue, [], value)).map((p) => ({ ...p, pos: positionOf(doc, lines, p.at) }));
      found.sort((x, y) => x.pos.line - y.pos.line || x.pos.col - y.pos.col);
      for (const p of found) problems.push(`${name}:${p.pos.line}: ${p.message}${p.first ? ` (first at line ${positionOf(doc, lines, p.first).line})` : ""}`);
    }
  }
  if (problems.length > 0) throw new CodebookError(problems);
  return book as Codebook;
}

function readFile(path: string): string | { error: string } {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code === "ENOENT" ? "missing file" : (err as Error).message };
  }
}

interface Problem {
  /** Path of the YAML node the problem is at. */
  at: PropertyKey[];
  message: string;
  /** Of a repeat, the path of the first one. */
  first?: PropertyKey[];
}

/** What an issue says, as lines an analyst reads, each at the node it is about. */
function describe(issue: z.core.$ZodIssue, base: PropertyKey[], value: unknown): Problem[] {
  const path = [...base, ...issue.path];
  const parent = valueAt(value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (issue.code !== "unrecognized_keys" && path.length > 0 && parent !== null && typeof parent === "object" && !Array.isArray(parent) && !(String(last) in parent)) {
    return [{ at: path.slice(0, -1), message: `${where(value, path.slice(0, -1))}missing key ${JSON.stringify(last)}` }];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => ({ at: [...path, k], message: `${where(value, path)}unknown key ${JSON.stringify(k)}` }));
    case "invalid_key":
      return [{ at: path, message: `${where(value, path.slice(0, -1))}${issue.issues[0]?.message ?? issue.message}` }];
    case "invalid_union": {
      // The option of the input's own shape (an alias's object form, say) says what is wrong with it.
      const own = issue.errors.find((option) => !option.some((i) => i.code === "invalid_type" && i.path.length === 0));
      if (own) return own.flatMap((i) => describe(i, path, value));
      break;
    }
    case "invalid_type":
      return [{ at: path, message: `${where(value, path)}${issue.message.replace(/^Invalid input: /, "")}` }];
    case "custom": {
      const repeat = issue.params as { again: PropertyKey[]; first: PropertyKey[] } | undefined;
      // The check's paths are from the list it ran on: the issue's path says where that is.
      if (repeat?.first) return [{ at: path, message: `${where(value, path)}${issue.message}`, first: [...path.slice(0, path.length - repeat.again.length), ...repeat.first] }];
    }
  }
  return [{ at: path, message: `${where(value, path)}${issue.message}` }];
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/**
 * Where in the file `path` is, before the message: the entry by its name when one on the way has
 * a name ("entry "suicide bombing", patterns[2]: "), else the path.
 */
function where(value: unknown, path: PropertyKey[]): string {
  let named = -1;
  for (let i = 1; i <= path.length; i++) {
    const name = (valueAt(value, path.slice(0, i)) as { name?: unknown } | undefined)?.name;
    if (typeof name === "string" && typeof path[i - 1] === "number") named = i;
  }
  if (named < 0) return path.length > 0 ? `${pathText(path)}: ` : "";
  const name = (valueAt(value, path.slice(0, named)) as { name: string }).name;
  const rest = path.slice(named);
  return `entry ${JSON.stringify(name)}${rest.length > 0 ? `, ${pathText(rest)}` : ""}: `;
}

function pathText(path: PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `${i > 0 ? "." : ""}${String(k)}` : `[${JSON.stringify(String(k))}]`))
    .join("");
}

/**
 * The 1-based line and column of the node at `path`: a map's key where the path ends at one (its value may
 * start on the next line), else the deepest node the path reaches.
 */
function positionOf(doc: Document, lines: LineCounter, path: PropertyKey[]): { line: number; col: number } {
  let node: unknown = doc.contents;
  let at: Node | null = isNode(node) ? node : null;
  for (const k of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(k));
      if (!pair) break;
      if (isNode(pair.key)) at = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof k === "number") {
      node = node.items[k];
      if (isNode(node)) at = node;
    } else break;
  }
  const offset = at?.range?.[0];
  return offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
}

function isNode(x: unknown): x is Node {
  return isScalar(x) || isMap(x) || isSeq(x) || isAlias(x);
}
