// A text that carries many control or undecodable characters came from a binary file (an image,
// a PDF, a zip) read as text; extraction over it would only find noise. A stray NUL in prose (a
// scraper's glitch) is no such sign: it is replaced (withoutNul), and the report read.
const controlChars = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g;

/** True when `text` is binary data read as text rather than prose. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  const odd = sample.match(controlChars)?.length ?? 0;
  return sample.length > 0 && odd / sample.length > 0.05;
}

/**
 * `text` with each NUL replaced by U+FFFD, one code unit for one, so that offsets into it stay
 * those of the input: PostgreSQL stores no NUL in a text or JSON value.
 */
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replace(/\u0000/g, "\uFFFD") : text;
}
