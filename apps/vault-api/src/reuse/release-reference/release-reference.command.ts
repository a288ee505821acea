import type { Principal } from '@kluis/auth';
import { Command } from '@nestjs/cqrs';

export class ReleaseReferenceCommand extends Command<void> {
  constructor(
    readonly documentId: string,
    readonly referenceId: string,
    readonly principal: Principal & { department: string },
    readonly requestId: string,
  ) {
    super();
  }
}
