import { principalOf } from '@kluis/auth';
import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerException, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { RefusalBudget } from './refusal-budget';

/**
 * Rate limits per principal, so one caller cannot starve the others; anonymous calls count per address. A principal
 * whose refusals used up their share of the limit is refused everything for the rest of the minute.
 */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly refusals: RefusalBudget,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = principalOf(context.switchToHttp().getRequest());
    if (principal && this.refusals.exhausted(principal)) throw new ThrottlerException();
    return super.canActivate(context);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = principalOf(request);
    return principal ? `principal:${principal.sub}` : `address:${String(request.ip)}`;
  }
}
