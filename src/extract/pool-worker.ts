import Tinypool from "tinypool";
import { activeCodebook, useCodebook } from "../codebook/load.js";
import type { Doc } from "../model.js";
import { extractEach, type ExtractOutcome, type ThreadSettings } from "./pool.js";

// One thread of the extraction pool (pool.ts): it reads the caller's codebook once and extracts
// the stretches of documents it is handed.

const { codebookDir, ...settings } = Tinypool.workerData as ThreadSettings;
useCodebook(codebookDir);
const options = { ...settings, codebook: activeCodebook() };

export default function extractStretch(docs: Doc[]): ExtractOutcome[] {
  return extractEach(docs, options);
}
