import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../shared/http/ids';

export class DocumentRequestPath {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: 'must be a lowercase UUID' })
  requestId!: string;
}

export class EscalationPath extends DocumentRequestPath {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID_PATTERN, { message: 'must be a lowercase UUID' })
  escalationId!: string;
}
