import { asRecord, readJsonlValues, type JsonlValues } from "./jsonl-values.js";

/**
 * What the scorer reads of an event mention (the contract's output line): Sitrep's own `Mention`
 * is one, and so is the line of any system that writes the contract.
 */
export interface Prediction {
  documentId: string;
  id?: string;
  date?: { start?: string | null; end?: string | null } | null;
  location?: { name?: string | null; country?: string | null; lat?: number | null; lon?: number | null } | null;
  attackTypes?: string[];
  eventType?: string | null;
  subEventType?: string | null;
  perpetrators?: { name?: string | null; text?: string | null }[];
  targets?: { type?: string | null }[];
  weapons?: { type?: string | null }[];
  killed?: { value?: number | null } | number | null;
  wounded?: { value?: number | null } | number | null;
  claimed?: boolean | null;
  suicide?: boolean | null;
  sentence?: string;
  evidence?: { field: string; text: string }[];
}

const lists = ["attackTypes", "perpetrators", "targets", "weapons", "evidence"] as const;
const objects = ["date", "location"] as const;

/** The mentions of a JSONL file (`sitrep extract`'s output); each line refused says why. */
export function readPredictions(path: string): JsonlValues<Prediction> {
  return readJsonlValues(path, asPrediction);
}

/** A mention from a parsed line; throws when it names no document or a field has the wrong shape. */
export function asPrediction(value: unknown): Prediction {
  const r = asRecord(value);
  if (typeof r.documentId !== "string" || r.documentId === "") throw new Error("missing documentId");
  for (const key of lists) {
    if (r[key] != null && !Array.isArray(r[key])) throw new Error(`${key} must be a list`);
  }
  for (const key of objects) {
    if (r[key] != null && (typeof r[key] !== "object" || Array.isArray(r[key]))) throw new Error(`${key} must be an object`);
  }
  return r as unknown as Prediction;
}
