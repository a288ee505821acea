import { CurrentPrincipal, type Principal } from '@kluis/auth';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access';
import { ProblemResponse } from '../../shared/http/problem.response';
import { readNotices } from '../read-notices';
import { chooseLanguage } from '../wording/language';
import { MyNoticesRequest } from './my-notices.request.dto';
import { NoticeResponse, noticeView } from './notice.view';

class MyNoticesResponse {
  @ApiProperty({ type: [NoticeResponse], description: 'Newest first' }) notices!: NoticeResponse[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Pass as ?before= for older notices; null at the end' }) next!: number | null;
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me/notices')
export class MyNoticesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Requires('me.notices')
  @Get()
  @ApiOperation({ summary: 'Read what the bank told me' })
  @ApiOkResponse({ type: MyNoticesResponse, description: 'Everything the bank told you: receipts, asks, reminders, rejections with their reasons, verifications.' })
  @ApiResponse({ status: 400, type: ProblemResponse })
  @ApiResponse({ status: 403, type: ProblemResponse })
  async notices(@Query() request: MyNoticesRequest, @CurrentPrincipal() principal: Principal, @Headers('accept-language') acceptLanguage?: string) {
    const language = chooseLanguage(request.lang, acceptLanguage);
    const limit = request.limit ?? 20;
    const { notices } = await readNotices(this.store, principal.sub);
    // Pages count back from the newest by the notice's place in the customer's stream, which never changes.
    const end = Math.min(request.before ?? notices.length, notices.length);
    const start = Math.max(0, end - limit);
    const page = notices.slice(start, end).reverse();
    return { notices: page.map((record) => noticeView(record, language)), next: start > 0 ? start : null };
  }
}
