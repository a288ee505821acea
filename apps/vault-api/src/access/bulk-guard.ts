import { type DepartmentPolicies, departmentPolicyOf, hasRole, type Principal } from '@kluis/auth';
import {
  customersTouchedSince,
  findBulkBlock,
  lastBulkTouch,
  liftBulkBlock,
  listBulkBlocks,
  type ReadModelDatabase,
  recordBulkBlock,
  recordBulkTouch,
} from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffBulkLimits } from '../config/config-slices';
import { DEPARTMENT_POLICIES, STAFF_BULK_LIMITS } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import { TooManyCustomers } from '../shared/access/policy/access.errors';
import { AccessRecorder } from './access-recorder';
import { RefusalRecorder } from './refusal-recorder';

const DEPARTMENT_PRINCIPAL_CUSTOMERS_PER_HOUR = 50;
const DEPARTMENT_PRINCIPAL_CUSTOMERS_PER_DAY = 200;
const DEPARTMENT_CUSTOMERS_PER_HOUR = 500;
const DEPARTMENT_CUSTOMERS_PER_DAY = 2000;

/** The sliding windows a scope is counted over. */
const PERIODS = { hour: 60 * 60 * 1000, day: 24 * 60 * 60 * 1000 } as const;
type Period = keyof typeof PERIODS;

/** Who is counted together (one principal, a department, all reviewers), and how far each window may go. */
interface Scope {
  readonly scope: string;
  readonly limits: Readonly<Record<Period, number>>;
}

/** The scope a principal would have to lift to free itself: nobody lifts their own block. */
export function isOwnBlock(principal: Principal, scope: string): boolean {
  return scope === `principal:${principal.sub}` || (principal.department !== undefined && scope === `department:${principal.department}`) || (scope === 'reviewers' && hasRole(principal, 'reviewer'));
}

/**
 * The answer to "a bank posted 75,000 customers' data to one person": every principal, every department as a whole
 * and all reviewers together may touch only so many different customers in a sliding hour, and in a sliding day, so
 * that staying just under the hourly limit around the clock is caught too. Past a limit the principal is refused,
 * the block is recorded as an event, and it stays until an administrator lifts it; every attempt refused meanwhile
 * is recorded for the customer as well. Shared state lives in the vault's database, so the limits hold across
 * instances.
 */
@Injectable()
export class BulkGuard {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    @Inject(STAFF_BULK_LIMITS) private readonly staffBulkLimits: StaffBulkLimits,
    private readonly clock: Clock,
    private readonly recorder: AccessRecorder,
    private readonly refusals: RefusalRecorder,
  ) {}

  /** Counts this touch of a customer; refuses it (429) when it would take a window past its limit. */
  async touch(principal: Principal, customerId: string, requestId: string): Promise<void> {
    const scopes = this.scopesOf(principal);
    if (scopes.length === 0) return;
    try {
      await this.assertNotBlocked(principal);
    } catch (error) {
      await this.refusals.record(principal, customerId, { action: 'bulk', documentId: null, status: 429 }, requestId);
      throw error;
    }
    const now = this.clock.now();
    for (const { scope, limits } of scopes) {
      const last = await lastBulkTouch(this.db, scope, customerId);
      for (const period of Object.keys(PERIODS) as Period[]) {
        const since = new Date(now.getTime() - PERIODS[period]).toISOString();
        // Already counted in this window: touching the same customer again costs nothing.
        if (last !== null && last > since) continue;
        const distinct = (await customersTouchedSince(this.db, scope, since)) + 1;
        if (distinct > limits[period]) {
          await this.block(scope, period, limits[period], distinct, now);
          await this.recorder.record(principal, customerId, { type: 'BulkAccessBlocked', distinctCustomers: distinct, limit: limits[period] }, requestId);
          throw new TooManyCustomers(period, limits[period]);
        }
      }
    }
    for (const { scope } of scopes) await recordBulkTouch(this.db, scope, customerId, now.toISOString());
  }

  /** Refuses (429) a principal that is blocked, for reads that span customers rather than touch one. */
  async assertNotBlocked(principal: Principal): Promise<void> {
    const scopes = this.scopesOf(principal).map(({ scope }) => scope);
    if (scopes.length === 0) return;
    const block = await findBulkBlock(this.db, scopes);
    if (block) throw new TooManyCustomers(block.period as Period, Number(block.limit_per_hour));
  }

  /** Active blocks, for administrators. */
  async blocks() {
    return listBulkBlocks(this.db);
  }

  /** Lifts a block once an administrator has looked; returns whether there was one. */
  async lift(scope: string): Promise<boolean> {
    return liftBulkBlock(this.db, scope);
  }

  private scopesOf(principal: Principal): Scope[] {
    const staff = this.staffBulkLimits;
    const own = (perHour: number, perDay: number): Scope => ({ scope: `principal:${principal.sub}`, limits: { hour: perHour, day: perDay } });
    // A compromised group of reviewers, each under their own limit, is still caught together.
    if (hasRole(principal, 'reviewer')) return [own(staff.perHour, staff.perDay), { scope: 'reviewers', limits: { hour: staff.reviewersPerHour, day: staff.reviewersPerDay } }];
    if (hasRole(principal, 'admin')) return [own(staff.perHour, staff.perDay)];
    const policy = departmentPolicyOf(principal, this.departments);
    if (!policy) return [];
    return [
      own(policy.customersPerHour ?? DEPARTMENT_PRINCIPAL_CUSTOMERS_PER_HOUR, policy.customersPerDay ?? DEPARTMENT_PRINCIPAL_CUSTOMERS_PER_DAY),
      {
        scope: `department:${principal.department}`,
        limits: { hour: policy.departmentCustomersPerHour ?? DEPARTMENT_CUSTOMERS_PER_HOUR, day: policy.departmentCustomersPerDay ?? DEPARTMENT_CUSTOMERS_PER_DAY },
      },
    ];
  }

  private async block(scope: string, period: Period, limit: number, distinct: number, now: Date): Promise<void> {
    await recordBulkBlock(this.db, { scope, blocked_at: now.toISOString(), distinct_customers: distinct, limit_per_hour: limit, period });
  }
}
