/** A document that cannot be read; the message says why in words a user can act on. */
export class InputError extends Error {
  override name = "InputError";
}
