import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../shared/http/calendar-date';

export class EndRelationshipRequest {
  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The day the business relationship ended; the retention clock starts on it' })
  @IsCalendarDate()
  endedOn!: string;
}
