import { ASSURANCE_LEVELS, type Assurance, EVIDENCE_KINDS, type EvidenceKind } from '@kluis/document-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class GetEvidenceRequest {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS, { message: `must be one of ${EVIDENCE_KINDS.join(', ')}` })
  kind!: EvidenceKind;

  @ApiPropertyOptional({ description: 'Why you ask; recorded in the customer\'s access log', example: 'Opening investment account INV-4471' })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  purpose?: string;

  @ApiPropertyOptional({ enum: ASSURANCE_LEVELS, default: 'review', description: '`chip` asks for a chip reading that passed passive authentication; a reviewed copy does not satisfy it' })
  @IsOptional()
  @IsIn(ASSURANCE_LEVELS, { message: `must be one of ${ASSURANCE_LEVELS.join(', ')}` })
  minAssurance?: Assurance;
}
