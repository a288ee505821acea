import { ApiProperty } from '@nestjs/swagger';
import { DocumentResponse, HistoryEntryResponse } from '../../documents';
import { RequestResponse } from '../../reuse';
import { NoticeResponse } from '../../notices';
import { AccessLogEntryResponse } from '../access-log/access-log.http.controller';

/* OpenAPI shapes of the export; the body itself is built by personal-data-export.ts. */

export class ExportedRelianceResponse {
  @ApiProperty({ example: 'mandates' }) department!: string;
  @ApiProperty({ example: 'Registering the power of attorney for the joint account' }) purpose!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class ExportedDocumentResponse extends DocumentResponse {
  @ApiProperty({ type: [ExportedRelianceResponse], description: 'Which departments rely on it now, and why' }) references!: ExportedRelianceResponse[];
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Every step, oldest first, released references included' }) history!: HistoryEntryResponse[];
}

export class ArchivedFileResponse {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'files/6f1c…-passport.pdf', description: 'Where the file is in the zip; null when it is not' }) path!: string | null;
  @ApiProperty({ description: 'The file was erased: no copy of it exists any more' }) erased!: boolean;
}

export class PersonalDataExportResponse {
  @ApiProperty({ example: 'C-1001' }) customerId!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [ExportedDocumentResponse], description: 'Every document on file for you, newest first' }) documents!: ExportedDocumentResponse[];
  @ApiProperty({ type: [RequestResponse], description: 'What the bank asked you for, open and satisfied' }) requests!: RequestResponse[];
  @ApiProperty({ type: [AccessLogEntryResponse], description: 'Your whole access log, newest first' }) accessLog!: AccessLogEntryResponse[];
  @ApiProperty({ type: [NoticeResponse], description: 'Everything the bank told you, newest first' }) notices!: NoticeResponse[];
  @ApiProperty({ description: 'Where your notices are mailed', example: { email: 'maria@example.nl' } }) contact!: { email: string | null };
  @ApiProperty({ type: [ArchivedFileResponse], required: false, description: 'Only in the zip\'s export.json: the file of each document' }) files?: ArchivedFileResponse[];
}
