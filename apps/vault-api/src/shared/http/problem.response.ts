import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* The OpenAPI shape of an application/problem+json body (RFC 9457), as problem-details.filter.ts writes it. */

export class ProblemResponse {
  @ApiProperty() type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } })
  errors?: { field: string; message: string }[];
  @ApiPropertyOptional({ description: 'The id of the request this answers (its X-Request-Id), to quote to support' })
  instance?: string;
}
