import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { ASSURANCE_LEVELS } from '@kluis/document-domain';
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { requestIdOf } from '../../shared/access/request-context';
import { CustomerPath } from '../../shared/http/ids';
import { GetEvidenceQuery } from './get-evidence.query';
import { GetEvidenceRequest } from './get-evidence.request.dto';

class PendingEvidenceResponse {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the bank is due to have checked it' }) reviewDueAt!: string;
}

class EvidenceResponse {
  @ApiProperty({ description: 'A verified, unexpired document of that kind is on file' }) satisfied!: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) documentId?: string;
  @ApiPropertyOptional({ example: 'passport' }) type?: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) validUntil?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Facts only: never the file' }) facts?: Record<string, string>;
  @ApiPropertyOptional({ enum: ASSURANCE_LEVELS, description: '`chip`: a chip reading that passed passive authentication; `review`: a copy checked by staff' }) assurance?: string;
  @ApiPropertyOptional({ type: PendingEvidenceResponse, description: 'When not satisfied: a document of the kind the bank holds and is still checking' })
  pending?: PendingEvidenceResponse;
}

@ApiTags('reuse')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/evidence')
export class GetEvidenceController {
  constructor(private readonly queries: QueryBus) {}

  @Requires('evidence.query')
  @Get()
  @ApiOperation({ summary: "Ask whether a customer's evidence is on file" })
  @ApiOkResponse({ type: EvidenceResponse, description: 'An unknown customer is simply not satisfied. Every query is recorded for the customer to see.' })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'Your department may not ask for this kind' })
  evidence(@Param() path: CustomerPath, @Query() request: GetEvidenceRequest, @CurrentPrincipal() principal: Principal, @Req() http: Request) {
    return this.queries.execute(new GetEvidenceQuery(path.customerId, request.kind, request.purpose ?? null, request.minAssurance ?? 'review', principal, requestIdOf(http)));
  }
}
