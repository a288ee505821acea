import { isCustomerOnly, principalOf } from '@kluis/auth';
import { noticeAggregate } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { CustomerErasedError } from '../../shared/erasure/customer-erased.error';
import { Clock } from '../../infrastructure/clock';
import { runCommand } from '../../shared/event-sourcing/run-command';
import { systemMetadata } from '../../shared/event-sourcing/system-metadata';

/** Past this many customers the memory of who was looked at starts again, so it never grows without bound. */
const REMEMBERED = 10_000;

/**
 * Takes the verified address in a customer's sign-in as where notices are mailed, when they never set one
 * themselves. Looked at once per customer and process: the aggregate ignores it when an address is already on file.
 */
@Injectable()
export class ContactFromSignIn implements NestInterceptor {
  private readonly logger = new Logger(ContactFromSignIn.name);
  private readonly seen = new Set<string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const principal = context.getType() === 'http' ? principalOf(context.switchToHttp().getRequest()) : undefined;
    if (principal?.email && isCustomerOnly(principal) && !this.seen.has(principal.sub)) {
      if (this.seen.size >= REMEMBERED) this.seen.clear();
      const now = this.clock.now();
      const metadata = { ...systemMetadata('sign-in-contact', now), subject: principal.sub };
      try {
        await runCommand(this.store, noticeAggregate, principal.sub, { command: { type: 'SetContactEmail', customerId: principal.sub, email: principal.email, source: 'token' }, context: { now }, metadata });
        this.seen.add(principal.sub);
      } catch (error) {
        // The customer's request goes on: an address not taken now is taken at their next request, unless they were erased.
        if (error instanceof CustomerErasedError) this.seen.add(principal.sub);
        else this.logger.warn({ err: error, customerId: principal.sub }, 'could not take the address from the sign-in');
      }
    }
    return next.handle();
  }
}
