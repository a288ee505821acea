import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { wholeNumber } from '../../shared/http/whole-number';

export class IdentityNumberConflictsRequest {
  @ApiPropertyOptional({ description: 'Exclusive: conflicts recorded strictly after this position (`next` of the previous page). Omitted or 0: from the beginning.', default: 0 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;
}
