import { EVIDENCE_KINDS, type EvidenceKind } from '@kluis/document-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../shared/http/calendar-date';

export class RequestDocumentRequest {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS, { message: `must be one of ${EVIDENCE_KINDS.join(', ')}` })
  kind!: EvidenceKind;

  @ApiProperty({ example: 'We need a valid ID to open your investment account', description: 'The customer reads this' })
  @IsString()
  @Length(3, 300)
  purpose!: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-15' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;
}
