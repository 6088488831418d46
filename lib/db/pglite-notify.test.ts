import { describe, expect, it } from 'vitest';
import { NotificationRouter } from './pglite-notify';

// The router on hand-made protocol bytes: a reply holding a notification, cut at every possible
// place, reaches the listening connection exactly once and whole; others get nothing.

const cstr = (s: string) => Buffer.from(`${s}\u0000`);
function message(type: string, body: Buffer) {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const query = (sql: string) => new Uint8Array(message('Q', cstr(sql)));
const notification = (channel: string, payload: string) => message('A', Buffer.concat([Buffer.from([0, 0, 0, 7]), cstr(channel), cstr(payload)]));
const reply = Buffer.concat([
  message('C', cstr('SELECT 1')),
  notification('fm_org_changed', 'abc:org-1'),
  message('Z', Buffer.from('I')),
]);

function setup() {
  const received = new Map<number, Buffer[]>();
  const handler = (handlerId: number) => ({ handlerId, socket: { writable: true, write: (b: Buffer) => received.get(handlerId)!.push(b) } });
  const handlers = [1, 2, 3].map((id) => (received.set(id, []), handler(id)));
  const router = new NotificationRouter(() => handlers as never);
  return { router, received };
}

describe('NotificationRouter', () => {
  it('forwards a notification to the connections that LISTEN on its channel, wherever the chunks split', () => {
    for (let cut = 1; cut < reply.length; cut++) {
      const { router, received } = setup();
      router.incoming(1, query('LISTEN fm_org_changed'));
      router.incoming(3, query('LISTEN "other"'));
      const scan = router.outgoing(2);
      scan(reply.subarray(0, cut));
      scan(reply.subarray(cut));
      expect(Buffer.concat(received.get(1)!)).toEqual(notification('fm_org_changed', 'abc:org-1'));
      expect(received.get(2)).toEqual([]); // the notifier got it in its own reply already
      expect(received.get(3)).toEqual([]);
    }
  });

  it('stops after UNLISTEN, folds unquoted names to lower case, ignores other statements', () => {
    const { router, received } = setup();
    router.incoming(1, query('listen FM_ORG_CHANGED;'));
    router.incoming(3, query("SELECT 'LISTEN fm_org_changed'"));
    router.outgoing(2)(reply);
    expect(received.get(1)).toHaveLength(1);
    expect(received.get(3)).toEqual([]);
    router.incoming(1, query('UNLISTEN *'));
    router.outgoing(2)(reply);
    expect(received.get(1)).toHaveLength(1);
  });
});
