import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsModule } from '../metrics';
import { NoticeMailer } from './deliver-notices/notice-mailer.service';
import { NoticeIssuer } from './issue-notices/notice-issuer.service';
import { ReminderSweep } from './issue-notices/reminder-sweep.service';
import { UndeliveredNoticesController } from './list-undelivered/undelivered-notices.http.controller';
import { MyNoticesController } from './my-notices/my-notices.http.controller';
import { ContactFromSignIn } from './set-contact/contact-from-sign-in.interceptor';
import { ContactController } from './set-contact/contact.http.controller';

@Module({
  imports: [MetricsModule],
  controllers: [MyNoticesController, ContactController, UndeliveredNoticesController],
  providers: [NoticeIssuer, ReminderSweep, NoticeMailer, { provide: APP_INTERCEPTOR, useClass: ContactFromSignIn }],
  exports: [NoticeMailer],
})
export class NoticesModule {}
