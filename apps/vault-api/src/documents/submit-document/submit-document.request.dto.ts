import { type Channel, CHANNELS, DOCUMENT_TYPES, type DocumentType } from '@kluis/document-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, Matches } from 'class-validator';
import { CUSTOMER_ID_PATTERN } from '../../shared/http/ids';

/** The text fields of an upload. The file itself is streamed and never passes through class-validator. */
export class SubmitDocumentRequest {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES, { message: `must be one of ${DOCUMENT_TYPES.join(', ')}` })
  type!: DocumentType;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'online' })
  @IsOptional()
  @IsIn(CHANNELS, { message: `must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;

  @ApiPropertyOptional({ type: 'string', description: 'Comma-separated customer ids, e.g. the grantor and attorney of a power of attorney', example: 'C-1002,C-1003' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter(Boolean) : value))
  @ArrayMaxSize(10, { message: 'at most 10 related customers' })
  @Matches(CUSTOMER_ID_PATTERN, { each: true, message: 'each must be a customer id' })
  relatedCustomerIds?: string[];
}

/** The whole multipart body as OpenAPI shows it: the fields above plus the file. */
export class SubmitDocumentBody extends SubmitDocumentRequest {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or TIFF, judged by its content' })
  file!: unknown;
}
