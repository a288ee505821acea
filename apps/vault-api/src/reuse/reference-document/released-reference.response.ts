import { ApiProperty } from '@nestjs/swagger';

export class ReleasedReferenceResponse {
  @ApiProperty({ format: 'uuid', description: 'The reference your department no longer holds' }) released!: string;
}
