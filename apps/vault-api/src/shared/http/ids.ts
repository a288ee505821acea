import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Customer ids come from the bank's core systems; anything outside this shape cannot be one. */
export const CUSTOMER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class CustomerPath {
  @ApiProperty({ example: 'C-1001' })
  @Matches(CUSTOMER_ID_PATTERN, { message: 'must be a customer id' })
  customerId!: string;
}

export class DocumentPath {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: 'must be a lowercase UUID' })
  documentId!: string;
}

export class ReferencePath extends DocumentPath {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: 'must be a lowercase UUID' })
  referenceId!: string;
}
