import { CurrentPrincipal, type DepartmentPolicies, type Principal } from '@kluis/auth';
import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ExpiryConfig } from '../../config/config-slices';
import { DEPARTMENT_POLICIES, EXPIRY_CONFIG } from '../../config/config-tokens';
import { Clock } from '../../infrastructure/clock';
import type { Request } from 'express';
import { FileAccess, Requires } from '../../access';
import { visibleTypes } from '../../shared/access/customer-file-access';
import { requestIdOf } from '../../shared/access/request-context';
import { CustomerPath } from '../../shared/http/ids';
import { documentSummaryView } from '../document-summary.view';
import { DocumentListResponse } from '../document.response';
import { ProblemResponse } from '../../shared/http/problem.response';
import { ListCustomerDocumentsQuery } from './list-customer-documents.query';
import { ListCustomerDocumentsRequest } from './list-customer-documents.request.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/customers/:customerId/documents')
export class ListCustomerDocumentsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    @Inject(EXPIRY_CONFIG) private readonly expiry: ExpiryConfig,
    private readonly access: FileAccess,
  ) {}

  @Requires('document.list')
  @Get()
  @ApiOperation({ summary: "List a customer's documents" })
  @ApiOkResponse({ type: DocumentListResponse, description: 'Every document on file for the customer, newest first' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async list(@Param() path: CustomerPath, @Query() request: ListCustomerDocumentsRequest, @CurrentPrincipal() principal: Principal, @Req() http: Request) {
    const requestId = requestIdOf(http);
    await this.access.assert(principal, { customerId: path.customerId }, 'list', requestId);
    await this.access.recordRead(principal, path.customerId, { type: 'DocumentsListed' }, requestId);
    const documents = await this.queries.execute(new ListCustomerDocumentsQuery(path.customerId, visibleTypes(principal, this.departments)));
    const context = { now: this.clock.now(), expiryHorizonDays: this.expiry.horizonDays };
    const views = documents.map((summary) => documentSummaryView(summary, context));
    return { documents: request.expiringSoon ? views.filter((view) => view.expiringSoon) : views };
  }
}
