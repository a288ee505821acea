import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { noticeAggregate } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Body, Controller, Get, Inject, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { Clock } from '../../infrastructure/clock';
import { requestIdOf } from '../../shared/access/request-context';
import { CommandPipeline } from '../../shared/event-sourcing/command-pipeline';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { readNotices } from '../read-notices';
import { ContactRequest } from './contact.request.dto';

class ContactResponse {
  @ApiProperty({ type: String, nullable: true, example: 'maria@example.nl' }) email!: string | null;
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/contact')
export class ContactController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly pipeline: CommandPipeline,
    private readonly clock: Clock,
  ) {}

  @Requires('me.contact')
  @Get()
  @ApiOperation({ summary: 'Read my notice address' })
  @ApiOkResponse({ type: ContactResponse, description: 'The address notices are mailed to; null when there is none' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async contact(@CurrentPrincipal() principal: Principal): Promise<ContactResponse> {
    const { email } = await readNotices(this.store, principal.sub);
    return { email: email || null };
  }

  @Requires('me.contact')
  @Put()
  @ApiOperation({ summary: 'Set my notice address' })
  @ApiOkResponse({ type: ContactResponse, description: 'Notices from now on are also mailed to this address' })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'Not an email address' })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async setContact(@Body() body: ContactRequest, @CurrentPrincipal() principal: Principal, @Req() http: Request): Promise<ContactResponse> {
    const now = this.clock.now();
    await this.pipeline.run(noticeAggregate, principal.sub, {
      command: { type: 'SetContactEmail', customerId: principal.sub, email: body.email, source: 'customer' },
      context: { now },
      metadata: metadataFor(principal, requestIdOf(http), now, principal.sub),
    });
    return { email: body.email };
  }
}
