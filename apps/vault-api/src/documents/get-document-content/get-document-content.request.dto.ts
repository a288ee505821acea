import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class GetDocumentContentRequest {
  @ApiPropertyOptional({ description: 'Why you need the file. Required for everyone but the customer, and recorded.', example: 'KYC review for mortgage application M-2291' })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  purpose?: string;
}
