import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AtMostMaxPosition, MAX_POSITION } from '../../shared/http/position';

const wholeNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ReadFeedRequest {
  @ApiPropertyOptional({ description: 'Exclusive: entries strictly after this position. Omitted or 0: from the beginning.', default: 0, maximum: MAX_POSITION })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @AtMostMaxPosition()
  after?: number;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1000)
  limit?: number;
}
