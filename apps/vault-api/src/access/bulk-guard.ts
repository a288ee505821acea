import { departmentPolicyOf, hasRole, type Principal } from '@kluis/auth';
import type { ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { VAULT_CONFIG, type VaultConfig } from '../config/vault-config';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { ProblemException } from '../shared/http/problem.exception';
import { AccessRecorder } from './access-recorder';

const HOUR_MS = 60 * 60 * 1000;
const REVIEWER_CUSTOMERS_PER_HOUR = 200;
const DEPARTMENT_PRINCIPAL_CUSTOMERS_PER_HOUR = 50;
const DEPARTMENT_CUSTOMERS_PER_HOUR = 500;

interface Window {
  readonly scope: string;
  readonly limit: number;
}

const blocked = (window: Window) =>
  new ProblemException(
    429,
    'ACCESS.BULK_BLOCKED',
    'Too many customers',
    `More than ${window.limit} different customers were touched within an hour, so access is blocked until an administrator has looked at it.`,
    undefined,
    { limitPerHour: window.limit },
  );

/**
 * The answer to "a bank posted 75,000 customers' data to one person": every principal, and every department as a
 * whole, may touch only so many different customers in a sliding hour. Past the limit the principal is refused,
 * the block is recorded as an event, and it stays until an administrator lifts it. Shared state lives in the
 * vault's database, so the limit holds across instances.
 */
@Injectable()
export class BulkGuard {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
    private readonly clock: Clock,
    private readonly recorder: AccessRecorder,
  ) {}

  /** Counts this touch of a customer; refuses it (429) when it would take a window past its limit. */
  async touch(principal: Principal, customerId: string, requestId: string): Promise<void> {
    const windows = this.windowsOf(principal);
    if (windows.length === 0) return;
    const now = this.clock.now();
    for (const window of windows) {
      if (await this.isBlocked(window.scope)) throw blocked(window);
    }
    const since = new Date(now.getTime() - HOUR_MS).toISOString();
    for (const window of windows) {
      const seen = await this.db.selectFrom('bulk_touches').select('customer_id').where('scope', '=', window.scope).where('customer_id', '=', customerId).where('last_at', '>', since).executeTakeFirst();
      if (seen) continue;
      const row = await this.db.selectFrom('bulk_touches').select((eb) => eb.fn.countAll<number | string>().as('distinct')).where('scope', '=', window.scope).where('last_at', '>', since).executeTakeFirstOrThrow();
      const distinct = Number(row.distinct) + 1;
      if (distinct > window.limit) {
        await this.block(window, distinct, now);
        await this.recorder.record(principal, customerId, { type: 'BulkAccessBlocked', distinctCustomers: distinct, limit: window.limit }, requestId);
        throw blocked(window);
      }
    }
    for (const window of windows) {
      await this.db
        .insertInto('bulk_touches')
        .values({ scope: window.scope, customer_id: customerId, last_at: now.toISOString() })
        .onConflict((conflict) => conflict.columns(['scope', 'customer_id']).doUpdateSet({ last_at: now.toISOString() }))
        .execute();
    }
  }

  /** Active blocks, for administrators. */
  async blocks() {
    return this.db.selectFrom('bulk_blocks').selectAll().orderBy('blocked_at').execute();
  }

  /** Lifts a block once an administrator has looked; returns whether there was one. */
  async lift(scope: string): Promise<boolean> {
    const deleted = await this.db.deleteFrom('bulk_blocks').where('scope', '=', scope).executeTakeFirst();
    await this.db.deleteFrom('bulk_touches').where('scope', '=', scope).execute();
    return Number(deleted.numDeletedRows) > 0;
  }

  private windowsOf(principal: Principal): Window[] {
    if (hasRole(principal, 'reviewer') || hasRole(principal, 'admin')) return [{ scope: `principal:${principal.sub}`, limit: REVIEWER_CUSTOMERS_PER_HOUR }];
    const policy = departmentPolicyOf(principal, this.config.departments);
    if (!policy) return [];
    return [
      { scope: `principal:${principal.sub}`, limit: policy.customersPerHour ?? DEPARTMENT_PRINCIPAL_CUSTOMERS_PER_HOUR },
      { scope: `department:${principal.department}`, limit: policy.departmentCustomersPerHour ?? DEPARTMENT_CUSTOMERS_PER_HOUR },
    ];
  }

  private async isBlocked(scope: string): Promise<boolean> {
    return (await this.db.selectFrom('bulk_blocks').select('scope').where('scope', '=', scope).executeTakeFirst()) !== undefined;
  }

  private async block(window: Window, distinct: number, now: Date): Promise<void> {
    await this.db
      .insertInto('bulk_blocks')
      .values({ scope: window.scope, blocked_at: now.toISOString(), distinct_customers: distinct, limit_per_hour: window.limit })
      .onConflict((conflict) => conflict.column('scope').doNothing())
      .execute();
  }
}
