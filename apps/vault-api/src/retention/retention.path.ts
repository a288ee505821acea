import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CustomerPath, UUID_PATTERN } from '../shared/http/ids';

export class LegalHoldPath extends CustomerPath {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: 'must be a lowercase UUID' })
  holdId!: string;
}
