import { readFileSync } from "node:fs";
import { fsReason } from "../ingest/fsError.js";

/** What a JSONL file's lines hold, each checked by `parse`; a bad line is `FILE:LINE: reason`. */
export interface JsonlValues<T> {
  values: T[];
  errors: string[];
}

/**
 * Reads every non-blank line of `path` as JSON and hands it to `parse` (which throws, with a reason,
 * on a value it refuses); the lines after a bad one are still read. A file that cannot be read throws.
 */
export function readJsonlValues<T>(path: string, parse: (value: unknown, line: number) => T): JsonlValues<T> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`${path}: ${fsReason(err)}`);
  }
  const values: T[] = [];
  const errors: string[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      try {
        values.push(parse(JSON.parse(raw), i + 1));
      } catch (err) {
        const reason = err instanceof SyntaxError ? `invalid JSON: ${err.message}` : (err as Error).message;
        errors.push(`${path}:${i + 1}: ${reason}`);
      }
    });
  return { values, errors };
}

/** The JSON object `value` is, or a refusal. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
  return value as Record<string, unknown>;
}
