import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const wholeNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class ListDeadLettersRequest {
  @ApiPropertyOptional({ example: 'mandates', description: "Only this department's; every department's when omitted" })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be a department id' })
  department?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(1000)
  limit?: number;
}
