import { EVIDENCE_KINDS, type EvidenceKind } from '@kluis/document-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../shared/http/calendar-date';

export class RequestDocumentRequest {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS, { message: `must be one of ${EVIDENCE_KINDS.join(', ')}` })
  kind!: EvidenceKind;

  @ApiProperty({ example: 'Opening investment account INV-4471', description: 'Your stated purpose; the customer reads it beside the vault\'s own wording of the ask' })
  @IsString()
  @Length(3, 300)
  purpose!: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'At least 10 business days ahead (VAULT_REQUEST_MIN_DUE_BUSINESS_DAYS), and not before a pending document of the kind is due to be checked' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;
}
