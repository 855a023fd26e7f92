/**
 * Code-unit order of ids (and ISO dates): the same in every locale, so sorted results never
 * depend on where they are computed.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
