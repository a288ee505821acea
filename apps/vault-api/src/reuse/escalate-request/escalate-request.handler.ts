import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { REQUEST_RULES } from '../../config/config-tokens';
import type { RequestRules } from '../../config/request-rules-setting';
import { RequestNotices } from '../../requests';
import { actorFor } from '../../shared/access/customer-file-access';
import { type EscalationAnswer, ProposeEscalationCommand } from './escalate-request.command';
import { EscalationSteps } from './escalation-steps';

/**
 * A department records that it means to act against a customer on a missing document. The vault refuses, naming
 * every reason, until the customer has had proper notice; an accepted escalation still waits for a second officer.
 */
@CommandHandler(ProposeEscalationCommand)
export class ProposeEscalationHandler implements ICommandHandler<ProposeEscalationCommand, EscalationAnswer> {
  constructor(
    private readonly steps: EscalationSteps,
    @Inject(REQUEST_RULES) private readonly requestRules: RequestRules,
    private readonly notices: RequestNotices,
  ) {}

  async execute({ documentRequestId, request, principal, requestId }: ProposeEscalationCommand): Promise<EscalationAnswer> {
    const context = await this.steps.prepare(documentRequestId, principal, requestId);
    const { ask, documentOnFile } = context;
    const notices = await this.notices.noticesFor(ask.customerId, ask.id);
    const escalationId = randomUUID();
    await this.steps.decide(
      context,
      {
        type: 'ProposeEscalation',
        requestId: ask.id,
        escalationId,
        department: principal.department,
        action: request.action,
        purpose: request.purpose,
        by: actorFor(principal),
        facts: { documentOnFile, notices, noticeDays: this.requestRules.escalationNoticeDays },
      },
      principal,
      requestId,
    );
    return { escalationId, requestId: ask.id, action: request.action, status: 'awaiting_confirmation' };
  }
}
