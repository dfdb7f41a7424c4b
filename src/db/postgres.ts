import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index.js";
import { withTimeout, type Database, type Db, type NotificationHandler } from "./client.js";

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its connection emits 'error' on the pool; without a handler that kills the process.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listener = new PostgresListener(url);
  let closed = false;
  return {
    kind: "postgres",
    db,
    jobsConnection: { connectionString: url, max: 4 },
    async ping(timeoutMs = 2000) {
      if (closed) throw new Error("database is closed");
      await withTimeout(db.execute(sql`select 1`), timeoutMs);
    },
    listen: (channel, handler) => listener.listen(channel, handler),
    async notify(channel, payload) {
      await pool.query("select pg_notify($1, $2)", [channel, payload]);
    },
    async withAdvisoryLock(lockId, fn) {
      // Session-level lock on a connection of its own: if this process dies the connection
      // closes and PostgreSQL releases the lock.
      const lockClient = await pool.connect();
      try {
        await lockClient.query("select pg_advisory_lock($1)", [lockId]);
        try {
          return await fn();
        } finally {
          await lockClient.query("select pg_advisory_unlock($1)", [lockId]);
        }
      } finally {
        lockClient.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * One dedicated connection per process for LISTEN. It reconnects after a drop and
 * re-subscribes, so cache invalidation keeps working across a database restart.
 */
class PostgresListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private closed = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, handler: NotificationHandler) {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on("notification", (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
      });
      client.on("error", () => this.reconnectSoon());
      client.on("end", () => this.reconnectSoon());
      await client.connect();
      this.client = client;
      this.connecting = undefined;
      return client;
    })();
    return this.connecting;
  }

  private reconnectSoon() {
    if (this.closed || !this.client) return;
    this.client = undefined;
    setTimeout(() => void this.resubscribe(), 1000).unref();
  }

  private async resubscribe() {
    if (this.closed) return;
    try {
      const client = await this.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      this.connecting = undefined;
      this.reconnectSoon();
    }
  }

  async close() {
    this.closed = true;
    const client = this.client ?? (this.connecting ? await this.connecting.catch(() => undefined) : undefined);
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}

