/** What the filter form holds; an empty string means "any". */
export interface FilterState {
  country: string;
  since: string;
  until: string;
  type: string;
  actor: string;
  text: string;
}

export const FILTER_KEYS = ["country", "since", "until", "type", "actor", "text"] as const;

export function emptyFilters(): FilterState {
  return { country: "", since: "", until: "", type: "", actor: "", text: "" };
}

/** The API query for a filter state; `withDates: false` leaves the dates out (the timeline shows every date). */
export function toQuery(state: FilterState, extra: Record<string, string | number> = {}, withDates = true): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key].trim();
    if (value === "" || (!withDates && (key === "since" || key === "until"))) continue;
    q.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q;
}
