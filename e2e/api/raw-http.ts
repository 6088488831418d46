import http from 'node:http';

// A request with exactly the headers given (Host included) and from a chosen local address: what
// a DNS-rebinding page, a forged X-Forwarded-For or a trusted proxy on another address looks like
// to the server. Playwright's request context sets Host itself and always connects from 127.0.0.1.

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; cookies: string[] };

export function raw(
  baseURL: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: Number(base.port),
        path,
        method: opts.method ?? 'GET',
        headers: { host: base.host, ...opts.headers, ...(opts.body ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}) },
        localAddress: opts.localAddress,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, cookies: res.headers['set-cookie'] ?? [] }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const cookieHeader = (cookies: string[]) => cookies.map((c) => c.split(';')[0]).join('; ');
