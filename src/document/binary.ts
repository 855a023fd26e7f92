// A text that carries NUL characters, or many control or undecodable characters, came from a binary
// file (an image, a PDF, a zip) read as text; extraction over it would only find noise.
const controlChars = /[\u0001-\u0008\u000E-\u001F\u007F\uFFFD]/g;

/** True when `text` is binary data read as text rather than prose. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes("\u0000")) return true;
  const odd = sample.match(controlChars)?.length ?? 0;
  return sample.length > 0 && odd / sample.length > 0.05;
}
