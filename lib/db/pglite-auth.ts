import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// pglite-socket hands every connection's startup message straight to PGlite, which trusts whoever
// connects: any local user or process could open the embedded database as `postgres`. This puts
// PostgreSQL's own md5 password exchange in front of it (what `pg`, psql and every driver speak):
// the StartupMessage is held back, the client proves it knows the password, and only then is the
// connection handed to pglite-socket with the startup message replayed. A wrong or missing password
// gets PostgreSQL's 28P01 error and the connection is closed before PGlite sees a byte.

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const HANDSHAKE_TIMEOUT_MS = 10_000;

export function newPassword(): string {
  return randomBytes(24).toString('hex');
}

const md5 = (s: Buffer | string) => createHash('md5').update(s).digest('hex');

function errorMessage(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [['S', 'FATAL'], ['V', 'FATAL'], ['C', code], ['M', message]].map(([k, v]) => Buffer.from(`${k}${v}\0`)).concat(Buffer.from('\0')),
  );
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

function startupUser(message: Buffer): string {
  const parts = message.subarray(8).toString('utf8').split('\0');
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === 'user') return parts[i + 1];
  return '';
}

/** Runs the handshake on a fresh socket; resolves with the StartupMessage to replay, or null (refused). */
function authenticate(socket: Socket, password: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    let startup: Buffer | null = null;
    const salt = randomBytes(4);
    const finish = (result: Buffer | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onEnd);
      socket.off('close', onEnd);
      resolve(result);
    };
    const refuse = (code: string, message: string) => {
      socket.end(errorMessage(code, message));
      finish(null);
    };
    const onEnd = () => finish(null);
    const timer = setTimeout(() => refuse('08P01', 'authentication timed out'), HANDSHAKE_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (!startup && buf.length >= 8) {
        const len = buf.readInt32BE(0);
        const code = buf.readInt32BE(4);
        if (len === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
          socket.write('N'); // no TLS on loopback: the client goes on in plain text
          buf = buf.subarray(8);
          continue;
        }
        if (code !== PROTOCOL_3 || len < 8 || len > 10_000) return refuse('08P01', 'unsupported startup message');
        if (buf.length < len) return;
        startup = buf.subarray(0, len);
        buf = buf.subarray(len);
        const request = Buffer.alloc(13);
        request.write('R', 0);
        request.writeInt32BE(12, 1);
        request.writeInt32BE(5, 5); // AuthenticationMD5Password
        salt.copy(request, 9);
        socket.write(request);
      }
      if (!startup || buf.length < 5) return;
      const len = buf.readInt32BE(1);
      if (buf[0] !== 0x70 /* 'p' */ || len > 1024) return refuse('28000', 'expected a password message');
      if (buf.length < len + 1) return;
      const sent = buf.subarray(5, len).toString('utf8').replace(/\0$/, '');
      const user = startupUser(startup);
      const expected = `md5${md5(Buffer.concat([Buffer.from(md5(password + user)), salt]))}`;
      const ok = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
      if (!ok) return refuse('28P01', `password authentication failed for user "${user}"`);
      if (buf.length > len + 1) return refuse('08P01', 'unexpected data after the password');
      finish(startup);
    };
    socket.on('data', onData);
    socket.on('error', onEnd);
    socket.on('close', onEnd);
  });
}

/** Makes `server` require `password` (md5 exchange) on every connection. Call before start(). */
export function requirePassword(server: PGLiteSocketServer, password: string) {
  const target = server as unknown as { handleConnection(socket: Socket): Promise<void> };
  const handOver = target.handleConnection.bind(server);
  target.handleConnection = async (socket: Socket) => {
    const startup = await authenticate(socket, password);
    if (!startup) {
      socket.destroy();
      return;
    }
    // pglite-socket attaches its 'data' listener synchronously inside handleConnection; the client
    // waits for our answer to its password, so nothing arrives between the two listeners.
    const attached = handOver(socket);
    socket.emit('data', startup);
    await attached;
  };
}
