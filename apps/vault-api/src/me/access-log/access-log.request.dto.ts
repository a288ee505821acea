import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AtMostMaxPosition } from '../../shared/http/position';

const wholeNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class AccessLogRequest {
  @ApiPropertyOptional({ description: 'Entries strictly older than this position: pass the previous page\'s `next`' })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @AtMostMaxPosition()
  before?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}
