import { openStore } from "../store/open.js";
import type { SqlStore } from "../store/sql-store.js";

/** Runs `fn` over the store at `db`, closed afterwards whatever happens: a short command's one use of it. */
export async function withStore<T>(db: string, fn: (store: SqlStore) => Promise<T>): Promise<T> {
  const store = await openStore({ db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
