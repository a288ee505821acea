import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFor } from '../../shared/access/customer-file-access';
import { ConfirmEscalationCommand, type EscalationAnswer } from './escalate-request.command';
import { EscalationSteps } from './escalation-steps';

/** Four eyes: a second officer of the same department confirms an escalation, and only then may it be acted on. */
@CommandHandler(ConfirmEscalationCommand)
export class ConfirmEscalationHandler implements ICommandHandler<ConfirmEscalationCommand, EscalationAnswer> {
  constructor(private readonly steps: EscalationSteps) {}

  async execute({ documentRequestId, escalationId, principal, requestId }: ConfirmEscalationCommand): Promise<EscalationAnswer> {
    const context = await this.steps.prepare(documentRequestId, principal, requestId);
    const { ask, documentOnFile } = context;
    const outcome = await this.steps.decide(
      context,
      { type: 'ConfirmEscalation', requestId: ask.id, escalationId, department: principal.department, by: actorFor(principal), documentOnFile },
      principal,
      requestId,
    );
    const escalation = outcome.state.open?.escalations.find((candidate) => candidate.escalationId === escalationId);
    return { escalationId, requestId: ask.id, action: escalation?.action ?? '', status: 'confirmed' };
  }
}
