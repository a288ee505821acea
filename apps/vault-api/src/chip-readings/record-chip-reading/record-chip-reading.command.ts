import type { Principal } from '@kluis/auth';
import type { ChipVerdict } from '@kluis/chip-verification';
import type { ChipAuthentication } from '@kluis/document-domain';
import { Command } from '@nestjs/cqrs';
import type { DocumentView } from '../../documents';
import type { Viewer } from '../../shared/access/viewer';

export interface ChipReadingOutcome {
  readonly document: DocumentView;
  readonly verdict: ChipVerdict;
}

export class RecordChipReadingCommand extends Command<ChipReadingOutcome> {
  constructor(
    readonly documentId: string,
    readonly customerId: string,
    readonly sod: Uint8Array,
    readonly dataGroups: ReadonlyMap<number, Uint8Array>,
    readonly chipAuthentication: ChipAuthentication,
    readonly principal: Principal,
    readonly viewer: Viewer,
    readonly requestId: string,
  ) {
    super();
  }
}
