import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { VAULT_CONFIG, type VaultConfig } from '../../config/vault-config';
import { Clock } from '../../infrastructure/clock';
import type { Request } from 'express';
import { FileAccess } from '../../access';
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
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
    private readonly access: FileAccess,
  ) {}

  @Get()
  @ApiOkResponse({ type: DocumentListResponse, description: 'Every document on file for the customer, newest first' })
  @ApiResponse({ status: 404, type: ProblemResponse })
  async list(@Param() path: CustomerPath, @Query() request: ListCustomerDocumentsRequest, @CurrentPrincipal() principal: Principal, @Req() http: Request) {
    const requestId = requestIdOf(http);
    await this.access.assert(principal, { customerId: path.customerId }, 'list', requestId);
    await this.access.recordRead(principal, path.customerId, { type: 'DocumentsListed' }, requestId);
    const documents = await this.queries.execute(new ListCustomerDocumentsQuery(path.customerId, visibleTypes(principal, this.config.departments)));
    const context = { now: this.clock.now(), expiryHorizonDays: this.config.expiryHorizonDays };
    const views = documents.map((summary) => documentSummaryView(summary, context));
    return { documents: request.expiringSoon ? views.filter((view) => view.expiringSoon) : views };
  }
}
