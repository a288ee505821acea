import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { activeReferences, customerRetention, type DocumentSummary, IN_REVIEW, listRequests, type ReadModelDatabase, type ReferenceView } from '@kluis/read-models';
import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import type { ExpiryConfig } from '../../config/config-slices';
import { EXPIRY_CONFIG } from '../../config/config-tokens';
import { DocumentSummaryResponse, documentSummaryView, type ListContext, ListCustomerDocumentsQuery } from '../../documents';
import { ProblemResponse } from '../../shared/http/problem.response';
import { Clock } from '../../infrastructure/clock';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { RequestResponse, requestViews } from '../../reuse';
import { myRetentionFromReadModel, MyRetentionResponse } from '../../retention';

class RelianceResponse {
  @ApiProperty({ example: 'mandates' }) department!: string;
  @ApiProperty({ example: 'Registering the power of attorney for the joint account' }) purpose!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

class MyDocumentResponse extends DocumentSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true, description: 'What the bank read from it' })
  facts!: Record<string, string> | null;
  @ApiProperty({ type: [RelianceResponse], description: 'Which departments rely on it, and why' }) references!: RelianceResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'While it is being checked: the date the bank has promised to have checked it by' })
  reviewDueAt!: string | null;
}

class MyDocumentsResponse {
  @ApiProperty({ type: [MyDocumentResponse] }) documents!: MyDocumentResponse[];
  @ApiProperty({ type: [RequestResponse], description: 'What the bank still needs from you, with reasons and dates' }) openRequests!: RequestResponse[];
  @ApiProperty({ type: MyRetentionResponse, description: 'How long the law makes the bank keep your records' }) retention!: MyRetentionResponse;
}

const reliance = (reference: ReferenceView) => ({ department: reference.department, purpose: reference.purpose, since: reference.since });

const myDocument = (summary: DocumentSummary, context: ListContext, references: readonly ReferenceView[]) => ({
  ...documentSummaryView(summary, context),
  facts: summary.facts,
  references: references.filter((reference) => reference.documentId === summary.id).map(reliance),
  reviewDueAt: (IN_REVIEW as readonly string[]).includes(summary.status) ? summary.reviewDueAt : null,
});

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/documents')
export class MyDocumentsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @Inject(EXPIRY_CONFIG) private readonly expiry: ExpiryConfig,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
  ) {}

  @Requires('me.documents')
  @Get()
  @ApiOperation({ summary: 'Read what is on file for me' })
  @ApiOkResponse({ type: MyDocumentsResponse, description: 'Everything on file for you, who relies on it, and what the bank still needs' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async mine(@CurrentPrincipal() principal: Principal) {
    const now = this.clock.now();
    const [documents, references, requests, retention] = await Promise.all([
      this.queries.execute(new ListCustomerDocumentsQuery(principal.sub)),
      activeReferences(this.db, principal.sub),
      listRequests(this.db, principal.sub),
      customerRetention(this.db, principal.sub),
    ]);
    const context = { now, expiryHorizonDays: this.expiry.horizonDays };
    const open = requests.filter((request) => request.status === 'open');
    return {
      documents: documents.map((summary) => myDocument(summary, context, references)),
      openRequests: await requestViews(this.db, principal.sub, open, now.toISOString().slice(0, 10)),
      retention: myRetentionFromReadModel(retention),
    };
  }
}
