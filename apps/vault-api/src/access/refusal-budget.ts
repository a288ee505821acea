import type { Principal } from '@kluis/auth';
import { Inject, Injectable } from '@nestjs/common';
import type { ServerConfig } from '../config/config-slices';
import { SERVER_CONFIG } from '../config/config-tokens';
import { Clock } from '../infrastructure/clock';

/** A refused attempt weighs this many answered requests: guessing at other customers' files soon runs out. */
export const REFUSAL_WEIGHT = 10;
const MINUTE_MS = 60_000;
/** Bounds the principals remembered; one forgotten early only gets a fresh minute. */
const REMEMBERED_PRINCIPALS = 10_000;

/**
 * Refusals count against the principal's rate limit, across every route: a principal may be refused a tenth of
 * `VAULT_RATE_LIMIT_PER_MINUTE` times a minute, then every request of theirs is refused until the minute is over.
 * Per instance, like the rate limit itself.
 */
@Injectable()
export class RefusalBudget {
  private readonly spent = new Map<string, { readonly minute: number; count: number }>();
  private readonly perMinute: number;

  constructor(
    @Inject(SERVER_CONFIG) server: ServerConfig,
    private readonly clock: Clock,
  ) {
    this.perMinute = Math.max(1, Math.floor(server.rateLimitPerMinute / REFUSAL_WEIGHT));
  }

  charge(principal: Principal): void {
    const minute = this.minute();
    const spent = this.spent.get(principal.sub);
    if (spent?.minute === minute) {
      spent.count += 1;
      return;
    }
    this.spent.delete(principal.sub);
    this.spent.set(principal.sub, { minute, count: 1 });
    if (this.spent.size > REMEMBERED_PRINCIPALS) this.spent.delete(this.spent.keys().next().value!);
  }

  exhausted(principal: Principal): boolean {
    const spent = this.spent.get(principal.sub);
    return spent !== undefined && spent.minute === this.minute() && spent.count >= this.perMinute;
  }

  private minute(): number {
    return Math.floor(this.clock.now().getTime() / MINUTE_MS);
  }
}
