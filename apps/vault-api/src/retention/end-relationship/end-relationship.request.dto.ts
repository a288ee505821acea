import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class EndRelationshipRequest {
  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The day the business relationship ended; the retention clock starts on it' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  endedOn!: string;
}
