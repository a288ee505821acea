import { CurrentPrincipal, hasRole, type Principal } from '@kluis/auth';
import type { DocumentSummary } from '@kluis/read-models';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { documentSummaryView } from '../../documents/document-summary.view';
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

const myDocument = (summary: DocumentSummary) => ({ ...documentSummaryView(summary), facts: summary.facts });

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/documents')
export class MyDocumentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: MyDocumentsResponse, description: 'Everything on file for you, newest first, with where each stands' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async mine(@CurrentPrincipal() principal: Principal) {
    if (!hasRole(principal, 'customer')) throw forbidden('Only customers have their own documents.');
    const documents = await this.queries.execute(new ListCustomerDocumentsQuery(principal.sub));
    return { documents: documents.map(myDocument) };
  }
}
