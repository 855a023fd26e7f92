import type { GoldEvent } from "../../src/evaluate/gold.js";
import type { Prediction } from "../../src/evaluate/prediction.js";

/** A gold event of document d1, required, with the fields given. */
export const gold = (fields: Partial<GoldEvent> = {}): GoldEvent => ({ documentId: "d1", id: "e1", line: 1, required: true, ...fields });

/** A mention of document d1 with the fields given. */
export const pred = (fields: Partial<Prediction> = {}): Prediction => ({ documentId: "d1", ...fields });

/** A market town and a point 10 km east of it, and one 40 km east. */
export const town = { lat: 10, lon: 20 };
export const near = { lat: 10, lon: 20.0913 };
export const far = { lat: 10, lon: 20.365 };
