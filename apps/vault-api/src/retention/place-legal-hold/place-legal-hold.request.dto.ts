import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PlaceLegalHoldRequest {
  @ApiProperty({ example: 'Investigation by the public prosecutor', description: 'For support and the auditors; never shown to the customer' })
  @IsString()
  @Length(5, 1000)
  reason!: string;

  @ApiProperty({ example: 'OM-2026-117' })
  @IsString()
  @Length(1, 200)
  caseRef!: string;
}
