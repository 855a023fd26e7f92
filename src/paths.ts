import { fileURLToPath } from "node:url";

// Compiled code runs from dist/src/, so the repository's root is two levels up from here.
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
