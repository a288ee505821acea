import type { Principal } from '@kluis/auth';
import { findIdempotencyKey, type ReadModelDatabase, releaseIdempotencyKey, reserveIdempotencyKey, storeIdempotentAnswer } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { IdempotencyConfig } from '../config/config-slices';
import { IDEMPOTENCY_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { badRequest, ProblemException } from '../shared/http/problem.exception';

export interface StoredAnswer<Body> {
  readonly status: number;
  readonly body: Body;
  readonly replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** A reservation with no answer yet: the first request is still running. */
const IN_PROGRESS = 0;

const reusedKey = () =>
  new ProblemException(422, 'IDEMPOTENCY.KEY_REUSED', 'Idempotency key reused for a different request', 'This Idempotency-Key was already used for a different request.');

const stillRunning = () =>
  new ProblemException(409, 'IDEMPOTENCY.IN_PROGRESS', 'Conflict with the current state', 'A request with this Idempotency-Key is still being processed. Retry shortly.');

export const fingerprintOf = (request: unknown) => createHash('sha256').update(JSON.stringify(request)).digest('hex');

/** Keys older than this are forgotten: a client retries within minutes, and the stored answer may be personal. */
export const idempotencyCutoff = (now: Date, idempotency: IdempotencyConfig): string =>
  new Date(now.getTime() - idempotency.keyHours * 60 * 60 * 1000).toISOString();

/**
 * Idempotency-Key handling: the key is reserved before the work runs, so two racing requests with one key cannot
 * both create; the first answer is stored and replayed; the same key for a different request is refused. A key is
 * kept for VAULT_IDEMPOTENCY_KEY_HOURS, after which it is free again.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(IDEMPOTENCY_CONFIG) private readonly idempotency: IdempotencyConfig,
    private readonly clock: Clock,
  ) {}

  async run<Body>(
    principal: Principal,
    key: string | undefined,
    fingerprint: string,
    work: () => Promise<{ status: number; body: Body }>,
  ): Promise<StoredAnswer<Body>> {
    if (key === undefined) return { ...(await work()), replayed: false };
    if (!KEY_PATTERN.test(key)) throw badRequest('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
    const scopeKey = `${principal.sub}\n${key}`;
    const reserved = await this.reserve(scopeKey, fingerprint);
    if (!reserved) return this.replay<Body>(scopeKey, fingerprint);
    try {
      const answer = await work();
      await storeIdempotentAnswer(this.db, scopeKey, { status: answer.status, body: JSON.stringify(answer.body) });
      return { ...answer, replayed: false };
    } catch (error) {
      // A refused request created nothing, so the key is free for a corrected retry.
      await releaseIdempotencyKey(this.db, scopeKey);
      throw error;
    }
  }

  private async reserve(scopeKey: string, fingerprint: string): Promise<boolean> {
    const now = this.clock.now();
    const reservation = { scope_key: scopeKey, fingerprint, status: IN_PROGRESS, body: '', created_at: now.toISOString() };
    return reserveIdempotencyKey(this.db, reservation, idempotencyCutoff(now, this.idempotency));
  }

  private async replay<Body>(scopeKey: string, fingerprint: string): Promise<StoredAnswer<Body>> {
    const stored = await findIdempotencyKey(this.db, scopeKey);
    // Gone between our reservation attempt and this read: the first request failed and freed the key.
    if (!stored) throw stillRunning();
    if (stored.fingerprint !== fingerprint) throw reusedKey();
    if (Number(stored.status) === IN_PROGRESS) throw stillRunning();
    return { status: Number(stored.status), body: JSON.parse(stored.body) as Body, replayed: true };
  }
}
