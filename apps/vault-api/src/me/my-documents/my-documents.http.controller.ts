import { CurrentPrincipal, hasRole, type Principal } from '@kluis/auth';
import type { DocumentSummary } from '@kluis/read-models';
import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { documentSummaryView, type ListContext } from '../../documents/document-summary.view';
import { Clock } from '../../infrastructure/clock';
import { DocumentSummaryResponse, ProblemResponse } from '../../documents/document.response';
import { ListCustomerDocumentsQuery } from '../../documents/list-customer-documents/list-customer-documents.query';
import { forbidden } from '../../shared/http/problem.exception';

class MyDocumentResponse extends DocumentSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true, description: 'What the bank read from it' })
  facts!: Record<string, string> | null;
}

class MyDocumentsResponse {
  @ApiProperty({ type: [MyDocumentResponse] }) documents!: MyDocumentResponse[];
}

const myDocument = (summary: DocumentSummary, context: ListContext) => ({ ...documentSummaryView(summary, context), facts: summary.facts });

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/documents')
export class MyDocumentsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: MyDocumentsResponse, description: 'Everything on file for you, newest first, with where each stands' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async mine(@CurrentPrincipal() principal: Principal) {
    if (!hasRole(principal, 'customer')) throw forbidden('Only customers have their own documents.');
    const documents = await this.queries.execute(new ListCustomerDocumentsQuery(principal.sub));
    const context = { now: this.clock.now(), expiryHorizonDays: this.config.expiryHorizonDays };
    return { documents: documents.map((summary) => myDocument(summary, context)) };
  }
}
