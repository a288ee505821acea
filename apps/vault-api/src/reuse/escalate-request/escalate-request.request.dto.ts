import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class EscalateRequestRequest {
  @ApiProperty({ example: 'restrict-account', description: 'What the department means to do, as a short code' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{2,63}$/, { message: 'must be a short code of lowercase letters, digits and dashes' })
  action!: string;

  @ApiProperty({ example: 'No valid ID on file for account INV-4471 after notice and a reminder' })
  @IsString()
  @Length(3, 300)
  purpose!: string;
}
