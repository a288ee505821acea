import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assertFileAccess } from '../../shared/access/customer-file-access';
import { CustomerPath } from '../../shared/http/ids';
import { documentSummaryView } from '../document-summary.view';
import { DocumentListResponse, ProblemResponse } from '../document.response';
import { ListCustomerDocumentsQuery } from './list-customer-documents.query';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/documents')
export class ListCustomerDocumentsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: DocumentListResponse, description: 'Every document on file for the customer, newest first' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async list(@Param() path: CustomerPath, @CurrentPrincipal() principal: Principal) {
    assertFileAccess(principal, path.customerId, 'list');
    const documents = await this.queries.execute(new ListCustomerDocumentsQuery(path.customerId));
    return { documents: documents.map(documentSummaryView) };
  }
}
