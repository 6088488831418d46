import pg from 'pg';

// Leader election among the server processes that share one database (WEB_CONCURRENCY > 1, or
// several hosts): the leader holds a session-level PostgreSQL advisory lock on a connection of
// its own, and only the leader runs the alert scheduler and delivery worker. When the leader dies
// its session ends, the lock is released, and the next process to try takes over (each follower
// tries every `retryMs`). A leader that loses its connection stops its work at once and becomes a
// candidate again, so two leaders never run at the same time for longer than a failed query takes.

/** Advisory lock key of the alert leader (any fixed bigint; "FMALERTS" in ASCII). */
export const ALERT_LEADER_LOCK = 0x464d414c45525453n;

export interface LeaderHooks {
  onElected(): void;
  onDeposed(): Promise<void> | void;
  onError?(err: Error): void;
}

export class LeaderElection {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private leading = false;

  constructor(
    private readonly connect: () => pg.Client,
    private readonly hooks: LeaderHooks,
    private readonly opts: { retryMs: number; lockKey?: bigint } = { retryMs: 5_000 },
  ) {}

  get isLeader() {
    return this.leading;
  }

  /** The backend pid holding the lock for this process (tests end it to simulate a dead leader). */
  async backendPid(): Promise<number | null> {
    if (!this.client || !this.leading) return null;
    return (await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  }

  start() {
    this.stopped = false;
    void this.attempt();
  }

  /** A follower tries again; a leader checks its connection (a half-open one must not keep it leading). */
  private later() {
    if (this.stopped) return;
    this.timer = setTimeout(() => void (this.leading ? this.heartbeat() : this.attempt()), this.opts.retryMs);
    this.timer.unref();
  }

  private async heartbeat() {
    const client = this.client;
    if (!client) return this.later();
    try {
      await client.query('SELECT 1');
      this.later();
    } catch (err) {
      await client.end().catch(() => {});
      await this.lost(client, err as Error);
    }
  }

  private async attempt() {
    if (this.stopped || this.leading) return;
    const client = this.connect();
    client.on('error', (err) => void this.lost(client, err)); // the connection died: the lock went with it
    try {
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [String(this.opts.lockKey ?? ALERT_LEADER_LOCK)]);
      if (!rows[0].ok || this.stopped) {
        await client.end().catch(() => {});
        return this.later();
      }
      this.client = client;
      this.leading = true;
      client.once('end', () => void this.lost(client, new Error('leader connection closed')));
      this.hooks.onElected();
      this.later();
    } catch (err) {
      this.hooks.onError?.(err as Error);
      await client.end().catch(() => {});
      this.later();
    }
  }

  private async lost(client: pg.Client, err: Error) {
    if (this.client !== client) return;
    this.client = null;
    const was = this.leading;
    this.leading = false;
    if (was) {
      this.hooks.onError?.(err);
      await this.hooks.onDeposed();
    }
    this.later();
  }

  /** Gives up leadership (the lock is released with the session) and stops trying. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    const was = this.leading;
    this.leading = false;
    if (was) await this.hooks.onDeposed();
    await client?.end().catch(() => {});
  }
}
