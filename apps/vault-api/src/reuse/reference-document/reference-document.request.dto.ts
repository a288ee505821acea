import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class ReferenceDocumentRequest {
  @ApiProperty({ example: 'Registering the power of attorney for the joint account', description: 'Why your department relies on it; the customer reads this' })
  @IsString()
  @Length(3, 300)
  purpose!: string;

  @ApiProperty({ example: 'MND-2026-0412', description: 'Your own case or file reference' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\/-]{0,99}$/, { message: 'must be 1 to 100 letters, digits, ., _, / or -' })
  caseRef!: string;
}
