import { IDENTITY_NUMBER_STREAM_PREFIX, type IdentityNumberRefused, readIdentityNumberEvent } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { IdentityNumberConflictsRequest } from './identity-number-conflicts.request.dto';
import { IdentityNumberConflictsResponse } from './identity-number-conflicts.response';

const PAGE = 100;
const SCAN = 500;

/**
 * Approvals refused because the document number and issuing country were verified for another customer: a possible
 * fraud or an issuer's error, for support to investigate. Read from the number streams themselves, oldest first.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/identity-number-conflicts')
export class IdentityNumberConflictsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Requires('admin.identity-number-conflicts')
  @Get()
  @ApiOperation({ summary: 'List identity numbers verified on two customers' })
  @ApiOkResponse({ type: IdentityNumberConflictsResponse, description: 'Up to 100 conflicts, oldest first, and `next` to read on from (null at the end)' })
  @ApiResponse({ status: 400, type: ProblemResponse })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Only administrators' })
  async list(@Query() request: IdentityNumberConflictsRequest) {
    const conflicts: (IdentityNumberRefused['data'] & { position: number })[] = [];
    let after = request.after ?? 0;
    for (;;) {
      const page = await this.store.readAll({ after, limit: SCAN, streamPrefixes: [IDENTITY_NUMBER_STREAM_PREFIX] });
      for (const recorded of page) {
        after = recorded.position;
        const event = readIdentityNumberEvent(recorded.type, recorded.version, recorded.data);
        if (event.type === 'IdentityNumberRefused') conflicts.push({ ...event.data, position: recorded.position });
        if (conflicts.length === PAGE) return { conflicts: conflicts.map(view), next: after };
      }
      if (page.length < SCAN) return { conflicts: conflicts.map(view), next: null };
    }
  }
}

function view({ position, customerId, documentId, heldBy, refusedBy, refusedAt }: IdentityNumberRefused['data'] & { position: number }) {
  return { position, at: refusedAt, customerId, documentId, heldBy, refusedBy: refusedBy.id };
}
