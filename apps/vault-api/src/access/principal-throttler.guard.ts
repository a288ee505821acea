import { principalOf } from '@kluis/auth';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Rate limits per principal, so one caller cannot starve the others; anonymous calls count per address. */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = principalOf(request);
    return principal ? `principal:${principal.sub}` : `address:${String(request.ip)}`;
  }
}
