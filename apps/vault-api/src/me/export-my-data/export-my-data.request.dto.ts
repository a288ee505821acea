import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const EXPORT_FORMATS = ['json', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportMyDataRequest {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description: 'Wins over the Accept header. Without it, `Accept: application/zip` gives the zip and anything else JSON.',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: 'must be json or zip' })
  format?: ExportFormat;
}
