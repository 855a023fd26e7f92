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

async function request(path: string, token: string | null): Promise<Response> {
  return fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

export async function getJson<T>(path: string, query?: URLSearchParams): Promise<T> {
  const url = query && [...query.keys()].length ? `${path}?${query}` : path;
  let token = sessionStorage.getItem(TOKEN_KEY);
  let res = await request(url, token);
  if (res.status === 401) {
    token = window.prompt("This Sitrep server needs its access token (SITREP_TOKEN):");
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      res = await request(url, token);
    }
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(res.status, body?.error ?? `${res.status} ${res.statusText}`);
  return body;
}
