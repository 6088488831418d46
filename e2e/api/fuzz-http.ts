import http from 'node:http';

// A raw HTTP client for the hostile-input suite: node:http instead of fetch, so that a test can
// send what fetch refuses or rewrites (invalid UTF-8 bytes, raw percent sequences in the path,
// Latin-1 header bytes, chunked bodies without a length) and see exactly what the server answers.

export const appPort = Number(process.env.E2E_PORT ?? 3100);
// A fresh connection per request: a server may close a connection whose large body it refused
// unread, and reusing it would turn a client-side race into a false "no answer".
const agent = new http.Agent({ keepAlive: false, maxSockets: 32 });

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body chunked, without Content-Length (a client that never says how much is coming). */
  chunked?: boolean;
}

export interface RawResponse {
  /** HTTP status; 0 when the connection ended without an answer (see `error`). */
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
  error?: string;
}

/** Header values node:http accepts (tab, printable ASCII, Latin-1): anything else is not HTTP. */
export const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

/**
 * The server refused a body before reading it all (401/413/429 on a multi-megabyte upload) and
 * closed the connection while it was still being written: the client sees a reset instead of the
 * status (plain HTTP/1.1; a reverse proxy with lingering close hides it). Not an answer ≥ 500,
 * not a hang, and nothing was stored (the row accounting checks that).
 */
export const refusedMidUpload = (req: RawRequest, res: RawResponse) =>
  res.status === 0 && (req.body?.length ?? 0) >= 1024 * 1024 && /^write (ECONNRESET|EPIPE)|^(read )?ECONNRESET|^EPIPE/.test(res.error ?? '');

/** A request path node:http accepts: bytes 0x21–0xFF, the rest percent-encoded. */
export const pathSafe = (s: string) => s.replace(/[^\x21-\xff]/g, (c) => encodeURIComponent(c));

export function send(req: RawRequest, timeoutMs = 20_000, port = appPort): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    let answered: RawResponse | null = null;
    const done = (r: RawResponse) => resolve(answered ?? r);
    const headers: Record<string, string> = { ...req.headers };
    if (req.body && !req.chunked) headers['content-length'] = String(req.body.length);
    // maxHeaderSize: a redirect may echo a long hostile URL in Location; read it rather than fail.
    const r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent, maxHeaderSize: 1 << 20 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answered = { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started };
        done(answered);
      });
      res.on('error', (err) => done({ status: 0, headers: res.headers, text: '', ms: Date.now() - started, error: err.message }));
    });
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server that answers 413 and closes while a large body is still uploading ends the write
    // with EPIPE/ECONNRESET; the answer, when it arrived, is what counts.
    r.on('error', (err) => setTimeout(() => done({ status: 0, headers: {}, text: '', ms: Date.now() - started, error: err.message }), 50));
    if (req.body && req.chunked) {
      for (let i = 0; i < req.body.length; i += 64 * 1024) r.write(req.body.subarray(i, i + 64 * 1024));
      r.end();
    } else {
      r.end(req.body);
    }
  });
}

export function closeAgent() {
  agent.destroy();
}
