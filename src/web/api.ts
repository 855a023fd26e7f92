// The page's one way to the API. A server bound beyond loopback asks for its token: the reader
// types it once and it stays for the browser session.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = "sitrep-token";

async function request(path: string, token: string | null, init: { method?: string; body?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(path, { ...init, headers });
}

async function call<T>(url: string, init: { method?: string; body?: string } = {}): Promise<T> {
  let token = sessionStorage.getItem(TOKEN_KEY);
  let res = await request(url, token, init);
  if (res.status === 401) {
    token = window.prompt("This Sitrep server needs its access token (SITREP_TOKEN):");
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      res = await request(url, token, init);
    }
  }
  if (res.status === 204) return null as T;
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(res.status, body?.error ?? `${res.status} ${res.statusText}`);
  return body;
}

export async function getJson<T>(path: string, query?: URLSearchParams): Promise<T> {
  return call<T>(query && [...query.keys()].length ? `${path}?${query}` : path);
}

/** A write (POST, PUT, DELETE) with a JSON body; the server's error message when it refuses. */
export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  return call<T>(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
