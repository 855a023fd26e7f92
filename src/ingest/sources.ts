import { readFile, stat } from "node:fs/promises";
import { basename, extname, relative, sep } from "node:path";
import { looksBinary } from "../document/binary.js";
import { feedItems, looksLikeFeed } from "./feed.js";
import { fsReason } from "./fsError.js";
import { JsonlReadError, readJsonl } from "./jsonl.js";
import { pageItem } from "./page.js";
import { defaultMaxFileBytes, type SourceItem, type SourceOptions } from "./types.js";
import { formatBytes } from "./units.js";
import { walkFiles } from "./walk.js";

type Kind = "jsonl" | "text" | "html" | "feed";

const kindsByExtension: Record<string, Kind> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".txt": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
};

/** A file with another extension, named on the command line, is read by what it holds. */
function sniff(content: string): Kind {
  const head = content.slice(0, 2048);
  if (looksLikeFeed(head)) return "feed";
  if (/<(?:!doctype html|html|head|body)[\s>]/i.test(head)) return "html";
  return "text";
}

/** The document id of a file: its name without the extension, or its path under the folder given. */
function idOf(path: string, root: string | undefined): string {
  const name = root === undefined ? basename(path) : relative(root, path).split(sep).join("/");
  return name.slice(0, name.length - extname(name).length);
}

async function* fileItems(path: string, root: string | undefined, maxBytes: number): AsyncGenerator<SourceItem> {
  let kind: Kind | undefined = kindsByExtension[extname(path).toLowerCase()];
  // A folder holds other things too (notes, images); only the kinds it is known to hold are read.
  if (!kind && root !== undefined) return;
  if (kind === "jsonl") {
    try {
      for await (const { line, doc, error } of readJsonl(path, { maxLineBytes: maxBytes })) {
        yield { origin: `${path}:${line}`, doc, error };
      }
    } catch (err) {
      if (!(err instanceof JsonlReadError)) throw err;
      yield { origin: path, error: err.reason };
    }
    return;
  }
  let content: string;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) {
      yield { origin: path, error: `larger than ${formatBytes(maxBytes)} (${formatBytes(size)}); raise the size limit to read it` };
      return;
    }
    content = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    yield { origin: path, error: fsReason(err) };
    return;
  }
  if (looksBinary(content)) {
    yield { origin: path, error: "not text (binary data)" };
    return;
  }
  kind ??= sniff(content);
  const id = idOf(path, root);
  if (kind === "text") yield { origin: path, doc: { id, text: content } };
  else if (kind === "html") yield pageItem(path, content, { id });
  else yield* await feedItems(content, path);
}

/**
 * Documents from files and folders, in order: JSONL (one per line), .txt and .html (one each, id the
 * file name without extension, or the path under a folder given), RSS/Atom feeds (one per item).
 * Folders are read recursively in name order, hidden files skipped. Anything unreadable becomes an
 * item with `error` naming why, and the rest continues.
 */
export async function* readSources(paths: string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const maxBytes = opts.maxBytes ?? defaultMaxFileBytes;
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      yield { origin: path, error: fsReason(err) };
      continue;
    }
    if (!isDir) {
      yield* fileItems(path, undefined, maxBytes);
      continue;
    }
    for await (const entry of walkFiles(path)) {
      if (entry.error) yield { origin: entry.path, error: entry.error };
      else yield* fileItems(entry.path, path, maxBytes);
    }
  }
}
