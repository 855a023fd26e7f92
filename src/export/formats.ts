import type { EventRecord, SourcedMention } from "../model.js";
import { acledCsv } from "./acled.js";
import { geojson } from "./geojson.js";
import { gtdCsv } from "./gtd.js";
import { eventExportRow, mentionExportRow, type ExportRow } from "./row.js";
import { table } from "./table.js";

export const FORMATS = ["table", "json", "jsonl", "csv-gtd", "csv-acled", "geojson"] as const;
export type Format = (typeof FORMATS)[number];

export type Exportable = { kind: "events"; items: EventRecord[] } | { kind: "mentions"; items: SourcedMention[] };

function* json(items: object[]): Generator<string> {
  yield "[";
  for (let i = 0; i < items.length; i++) yield `${i === 0 ? "\n" : ",\n"}${JSON.stringify(items[i], null, 2)}`;
  yield items.length === 0 ? "]\n" : "\n]\n";
}

function* jsonl(items: object[]): Generator<string> {
  for (const item of items) yield `${JSON.stringify(item)}\n`;
}

function rows(data: Exportable): ExportRow[] {
  return data.kind === "events" ? data.items.map(eventExportRow) : data.items.map(mentionExportRow);
}

/** The text of `data` in `format`, in chunks to write one after another. */
export function exportChunks(data: Exportable, format: Format): Iterable<string> {
  switch (format) {
    case "json":
      return json(data.items);
    case "jsonl":
      return jsonl(data.items);
    case "csv-gtd":
      return gtdCsv(rows(data));
    case "csv-acled":
      return acledCsv(rows(data));
    case "geojson":
      return geojson(rows(data));
    case "table":
      return table(rows(data));
  }
}
