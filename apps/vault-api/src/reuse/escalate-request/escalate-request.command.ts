import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';
import type { EscalateRequestRequest } from './escalate-request.request.dto';

export interface EscalationAnswer {
  readonly escalationId: string;
  readonly requestId: string;
  readonly action: string;
  readonly status: 'awaiting_confirmation' | 'confirmed';
}

export class ProposeEscalationCommand extends Command<EscalationAnswer> {
  constructor(
    readonly documentRequestId: string,
    readonly request: EscalateRequestRequest,
    readonly principal: Principal & { department: string },
    readonly requestId: string,
  ) {
    super();
  }
}

export class ConfirmEscalationCommand extends Command<EscalationAnswer> {
  constructor(
    readonly documentRequestId: string,
    readonly escalationId: string,
    readonly principal: Principal & { department: string },
    readonly requestId: string,
  ) {
    super();
  }
}
