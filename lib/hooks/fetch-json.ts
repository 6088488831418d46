// The browser side of the JSON API: same-origin fetch (the session cookie authorises it) that turns
// the error envelope into an ApiClientError the UI can show.

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiClientError(0, 'network', 'The server could not be reached. Check that FlowMason is running.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const envelope = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiClientError(res.status, envelope?.code ?? 'error', envelope?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}
