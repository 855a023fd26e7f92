// The resolver's entry points: the store calls resolveMentions after storing a document, and
// resolveAll to rebuild every event (re-resolution).
export { resolveAll } from "./resolve-all.js";
export { resolveMentions } from "./incremental.js";
