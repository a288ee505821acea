import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RevokeDocumentRequest {
  @ApiProperty({ example: 'The notary reported the deed as forged (case 2026-118).', description: 'Shown to the customer and to every department relying on it' })
  @IsString()
  @Length(5, 1000)
  reason!: string;
}
