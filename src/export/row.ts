import type { DatePrecision, EventRecord, PlacePrecision, SourcedMention } from "../model.js";

/** What every tabular or map export prints of an event or a mention, flattened. */
export interface ExportRow {
  id: string;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: DatePrecision | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  locationPrecision: PlacePrecision | null;
  /** True when the place is a fallback (a country centroid), not one the sources named. */
  locationDefaulted: boolean;
  attackTypes: string[];
  eventType: string | null;
  subEventType: string | null;
  perpetrators: string[];
  targetTypes: string[];
  targetNationalities: string[];
  weaponTypes: string[];
  killed: number | null;
  wounded: number | null;
  claimed: boolean;
  suicide: boolean;
  summary: string;
  sources: { outlet: string | null; url: string | null; published: string | null }[];
  conflicts: string[];
}

const unique = (values: (string | null | undefined)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

export function eventExportRow(e: EventRecord): ExportRow {
  return {
    id: e.id,
    dateStart: e.date?.start ?? null,
    dateEnd: e.date?.end ?? null,
    datePrecision: e.date?.precision ?? null,
    country: e.location?.country ?? null,
    admin1: e.location?.admin1 ?? null,
    location: e.location?.name ?? null,
    lat: e.location?.lat ?? null,
    lon: e.location?.lon ?? null,
    locationPrecision: e.location?.precision ?? null,
    locationDefaulted: e.location?.provenance === "defaulted",
    attackTypes: e.attackTypes,
    eventType: e.eventType,
    subEventType: e.subEventType,
    perpetrators: unique(e.perpetrators.map((p) => p.name)),
    targetTypes: unique(e.targets.map((t) => t.type)),
    targetNationalities: unique(e.targets.map((t) => t.nationality)),
    weaponTypes: unique(e.weapons.map((w) => w.type)),
    killed: e.killed,
    wounded: e.wounded,
    claimed: e.claimed,
    suicide: e.suicide,
    summary: e.summary,
    sources: e.sources.map((s) => ({ outlet: s.outlet, url: s.url, published: s.published })),
    conflicts: e.conflicts,
  };
}

export function mentionExportRow(m: SourcedMention): ExportRow {
  return {
    id: m.id,
    dateStart: m.date?.start ?? null,
    dateEnd: m.date?.end ?? null,
    datePrecision: m.date?.precision ?? null,
    country: m.location?.country ?? null,
    admin1: m.location?.admin1 ?? null,
    location: m.location?.name ?? null,
    lat: m.location?.lat ?? null,
    lon: m.location?.lon ?? null,
    locationPrecision: m.location?.precision ?? null,
    locationDefaulted: m.location?.provenance === "defaulted",
    attackTypes: m.attackTypes,
    eventType: m.eventType,
    subEventType: m.subEventType,
    perpetrators: unique(m.perpetrators.map((p) => p.name)),
    targetTypes: unique(m.targets.map((t) => t.type)),
    targetNationalities: unique(m.targets.map((t) => t.nationality)),
    weaponTypes: unique(m.weapons.map((w) => w.type)),
    killed: m.killed?.value ?? null,
    wounded: m.wounded?.value ?? null,
    claimed: m.claimed,
    suicide: m.suicide,
    summary: m.sentence,
    sources: [{ outlet: m.outlet, url: m.url, published: m.published }],
    conflicts: [],
  };
}
