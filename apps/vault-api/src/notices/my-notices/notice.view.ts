import { NOTICE_KINDS, type NoticeRecord } from '@kluis/document-domain';
import { ApiProperty } from '@nestjs/swagger';
import type { Language } from '../wording/language';
import { noticeText } from '../wording/notice-text';

export class NoticeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: string;
  @ApiProperty({ example: 'K-3F2A1B0C', description: 'Quote it when you call the bank: the same for everything about one document or one ask' }) reference!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ example: 'We received your document' }) title!: string;
  @ApiProperty({ example: 'We received your ID card at a branch. We will check it by 14 December 2026.' }) body!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'], description: 'Whether it also reached you by mail (or the bank\'s messaging service): pending until it did, failed when every attempt failed' })
  delivery!: string;
}

export const noticeView = (record: NoticeRecord, language: Language): NoticeResponse => ({
  id: record.notice.noticeId,
  kind: record.notice.kind,
  reference: record.notice.reference,
  issuedAt: record.notice.issuedAt,
  ...noticeText(record.notice, language),
  delivery: record.delivery,
});
