// The app's HTTP server (started by scripts/start.ts in place of `next start`): Next's request
// handler behind a plain node:http server, so that the app knows who it is talking to. Next hands
// route handlers no socket, and fills X-Forwarded-For from the socket only when the client sent
// none — any client could choose its address for the rate limiters. Here every request gets
// x-fm-client-ip / x-fm-proto (lib/http/forwarded.ts) from the socket, or from X-Forwarded-* when
// the peer is in TRUSTED_PROXIES; whatever the client sent in those headers is overwritten.
// In the demo, a request whose Host is not a loopback name is refused with 421 before Next sees it
// (DNS rebinding: a page on another site that resolves its own name to 127.0.0.1).
import http from 'node:http';
import type { TLSSocket } from 'node:tls';
import { authMode, isLoopbackHost } from '@/lib/auth/mode';
import { CLIENT_IP_HEADER, PROTO_HEADER, parseTrustedProxies, resolveClient } from '@/lib/http/forwarded';

(process.env as Record<string, string>).NODE_ENV = 'production';
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
if (proxies.invalid.length > 0) {
  console.error(`[flowmason] TRUSTED_PROXIES: not an address or CIDR range: ${proxies.invalid.join(', ')}`);
  process.exit(1);
}
const demo = authMode() === 'demo';
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

function stamp(req: http.IncomingMessage) {
  const client = resolveClient(
    {
      address: req.socket.remoteAddress,
      encrypted: Boolean((req.socket as TLSSocket).encrypted),
      forwardedFor: one(req.headers['x-forwarded-for']),
      forwardedProto: one(req.headers['x-forwarded-proto']),
    },
    proxies,
  );
  req.headers[CLIENT_IP_HEADER] = client.ip;
  req.headers[PROTO_HEADER] = client.proto;
  // Next and libraries read these too: give them the resolved values, not the client's claims.
  req.headers['x-forwarded-for'] = client.ip;
  req.headers['x-forwarded-proto'] = client.proto;
  delete req.headers['x-real-ip'];
}

async function main() {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    stamp(req);
    if (demo && !isLoopbackHost(req.headers.host)) {
      res.writeHead(421, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: { code: 'misdirected_request', message: 'the demo answers only at 127.0.0.1, localhost or [::1]' } }));
      return;
    }
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end('Internal Server Error');
    });
  });
  // Idle keep-alive sockets live 65 s, longer than the 60 s idle timeout of common proxies and
  // load balancers: with Node's 5 s default a client (or proxy) that reuses a socket after a pause
  // races the server's close and gets ECONNRESET on its next request (seen in the API suites).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket) => socket.destroy()); // no websockets here
  // Like `next start`: on a signal stop accepting connections, finish those in flight, then exit
  // (lib/alerts/runtime defers the exit until the webhook worker has drained).
  let closing = false;
  const shutdown = (code: number) => {
    if (closing) return;
    closing = true;
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown(143));
  process.on('SIGINT', () => shutdown(130));
  server.listen(port, hostname, () => console.log(`[flowmason] listening on ${hostname}:${port}`));
}

main().catch((err: Error) => {
  console.error(`[flowmason] ${err.stack ?? err.message}`);
  process.exit(1);
});
