import { createReadStream } from "node:fs";
import { asSourceDocument } from "../document/validate.js";
import type { SourceDocument } from "../model.js";
import { fsReason } from "./fsError.js";
import { formatBytes } from "./units.js";

export interface JsonlItem {
  /** 1-based line number in the input. */
  line: number;
  doc?: SourceDocument;
  error?: string;
}

export interface JsonlOptions {
  /** Longest line accepted, in bytes; longer lines are skipped with an error. Default 64 MB. */
  maxLineBytes?: number;
}

const defaultMaxLineBytes = 64 * 1024 * 1024;

/** The input as a whole could not be read (missing, a folder, unreadable); its message names it. */
export class JsonlReadError extends Error {
  override name = "JsonlReadError";

  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
  }
}

/** A JSONL line's document, or the reason it is not one. */
function parseLine(text: string, seen: Map<string, number>, line: number): Omit<JsonlItem, "line"> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `invalid JSON: ${(err as Error).message}` };
  }
  let doc: SourceDocument;
  try {
    doc = asSourceDocument(value);
  } catch (err) {
    return { error: (err as Error).message };
  }
  const first = seen.get(doc.id);
  if (first !== undefined) return { error: `duplicate id ${JSON.stringify(doc.id)} (first on line ${first})` };
  seen.set(doc.id, line);
  return { doc };
}

/**
 * Documents from JSONL (a path or a stream), one item per non-blank line, in order. A bad line is an
 * item with `error` and the lines after it are still read; a file that cannot be opened throws a
 * JsonlReadError naming it. A line past the limit is dropped as it streams in,
 * never buffered whole.
 */
export async function* readJsonl(input: NodeJS.ReadableStream | string, opts: JsonlOptions = {}): AsyncGenerator<JsonlItem> {
  const maxLineBytes = opts.maxLineBytes ?? defaultMaxLineBytes;
  const stream = typeof input === "string" ? createReadStream(input) : input;
  const seen = new Map<string, number>();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 0;

  const append = (part: Buffer) => {
    if (tooLong || part.length === 0) return;
    if (pendingBytes + part.length > maxLineBytes) {
      tooLong = true;
      pending = [];
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  };
  const finish = (): JsonlItem | undefined => {
    line++;
    let item: JsonlItem | undefined;
    if (tooLong) item = { line, error: `line too long (over ${formatBytes(maxLineBytes)})` };
    else {
      let text = Buffer.concat(pending, pendingBytes).toString("utf8");
      if (line === 1) text = text.replace(/^\uFEFF/, "");
      if (text.trim() !== "") item = { line, ...parseLine(text, seen, line) };
    }
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return item;
  };

  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      let start = 0;
      for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
        append(bytes.subarray(start, nl));
        const item = finish();
        if (item) yield item;
        start = nl + 1;
      }
      append(bytes.subarray(start));
    }
  } catch (err) {
    throw new JsonlReadError(typeof input === "string" ? input : "standard input", fsReason(err));
  }
  if (pendingBytes > 0 || tooLong) {
    const item = finish();
    if (item) yield item;
  }
}
