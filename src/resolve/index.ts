// The resolver's entry points: the store calls resolveMentions after storing documents,
// resolveComponents when mentions leave or analysts decide, and resolveAll to rebuild every event
// (re-resolution).
export { resolveAll } from "./resolve-all.js";
export { resolveComponents, resolveMentions } from "./incremental.js";
