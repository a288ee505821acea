import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { type Language, LANGUAGES } from '../wording/language';

const wholeNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class MyNoticesRequest {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language to read them in; without it, Accept-Language decides, then English' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` })
  lang?: Language;

  @ApiPropertyOptional({ description: "Notices older than this one: pass the previous page's `next`" })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  before?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;
}
