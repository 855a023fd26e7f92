import type { SourceDocument } from "../model.js";

/** One document from a source, or the reason one could not be read. */
export interface SourceItem {
  /** Names the input: a path, `path:LINE` for a JSONL line, a URL, or `feed#N` for a feed's Nth item. */
  origin: string;
  doc?: SourceDocument;
  /** The page as it came (HTML) when `doc.text` was extracted from it, for whoever archives sources. */
  raw?: string;
  error?: string;
}

export interface SourceOptions {
  /** Files larger than this are refused without being read; for JSONL it bounds each line. Default 20 MB. */
  maxBytes?: number;
}

export const defaultMaxFileBytes = 20 * 1024 * 1024;
