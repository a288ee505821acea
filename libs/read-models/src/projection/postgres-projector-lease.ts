import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { ProjectorLease } from './projector-lease';

export interface PostgresProjectorLeaseOptions {
  /** Bounds connecting and every query on the lease's connection, so a silent server counts as a lost lease. */
  readonly timeoutMs?: number;
  /**
   * How long the server keeps the lease of a holder that went silent (its host died, its network broke) before it
   * ends that session and frees the lease for a standby. Keep it well above the projector's lease interval, which
   * is how often the holder speaks.
   */
  readonly silentHolderTimeoutMs?: number;
}

/** PostgreSQL reports a setting it does not know (before version 14 for idle_session_timeout) with this code. */
const UNKNOWN_SETTING = '42704';

/**
 * A session-level advisory lock, held on a connection of its own for as long as this instance projects. The server
 * frees it when that session ends for whatever reason, so a standby's next attempt takes over from a dead holder;
 * the holder learns of the loss from its connection and stops at once.
 */
export class PostgresProjectorLease implements ProjectorLease {
  private client: Client | null = null;
  private held = false;
  private readonly key: string;
  private readonly listeners = new Set<(reason: unknown) => void>();

  constructor(
    private readonly url: string,
    projectionName: string,
    private readonly options: PostgresProjectorLeaseOptions = {},
  ) {
    this.key = advisoryLockKey(projectionName);
  }

  async hold(): Promise<boolean> {
    try {
      const client = this.client ?? (await this.connect());
      if (this.held) {
        // The lock lives as long as the session: a session that still answers still holds it.
        await client.query('select 1');
        return this.held;
      }
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [this.key]);
      this.held = rows[0].locked;
      return this.held;
    } catch (error) {
      this.drop(this.client, error);
      throw error;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const held = this.held;
    this.client = null;
    this.held = false;
    // Ending the session would free the lock too; unlocking first frees it before this call returns.
    if (held) await client.query('select pg_advisory_unlock($1::bigint)', [this.key]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }

  onLost(listener: (reason: unknown) => void): void {
    this.listeners.add(listener);
  }

  private async connect(): Promise<Client> {
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    const client = new Client({
      connectionString: this.url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
      application_name: 'kluis-projector',
    });
    // Without an error listener a dropped connection would crash the process.
    client.on('error', (error) => this.drop(client, error));
    client.on('end', () => this.drop(client, new Error('the projector lease connection ended')));
    this.client = client;
    await client.connect();
    const silentHolderTimeoutMs = this.options.silentHolderTimeoutMs ?? 10_000;
    await client.query(`set idle_session_timeout = ${Math.round(silentHolderTimeoutMs)}`).catch((error: { code?: unknown }) => {
      if (error.code !== UNKNOWN_SETTING) throw error;
    });
    return client;
  }

  private drop(client: Client | null, reason: unknown): void {
    if (!client || client !== this.client) return;
    const held = this.held;
    this.client = null;
    this.held = false;
    client.end().catch(() => undefined);
    if (held) for (const listener of this.listeners) listener(reason);
  }
}

/** The same 64-bit key for a projection in every instance and every release. */
function advisoryLockKey(projectionName: string): string {
  return createHash('sha256').update(`kluis.projector.${projectionName}`).digest().readBigInt64BE(0).toString();
}
