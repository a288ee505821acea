import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DEMO_IDENTITY_IDS } from './demo-identities';

export class DevTokenRequest {
  @ApiProperty({ enum: DEMO_IDENTITY_IDS, example: 'anna' })
  @IsIn(DEMO_IDENTITY_IDS, { message: `must be one of ${DEMO_IDENTITY_IDS.join(', ')}` })
  identity!: string;
}
