import type { Principal } from '@kluis/auth';
import type { ChipVerdict } from '@kluis/chip-verification';
import type { ChipAuthentication, DocumentOnFile } from '@kluis/document-domain';
import { Command } from '@nestjs/cqrs';

export interface ChipReadingOutcome {
  readonly document: DocumentOnFile;
  readonly revision: number;
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
    readonly requestId: string,
  ) {
    super();
  }
}
