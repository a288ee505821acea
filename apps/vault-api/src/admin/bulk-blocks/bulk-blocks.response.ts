import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BulkBlockResponse {
  @ApiProperty({ example: 'principal:mortgage-desk-7', description: 'principal:<sub>, department:<name> or reviewers' }) scope!: string;
  @ApiProperty({ format: 'date-time' }) blockedAt!: string;
  @ApiProperty({ description: 'How many customers it touched in the window that tripped the guard' }) distinctCustomers!: number;
  @ApiPropertyOptional({ description: 'The hourly limit it went past' }) limitPerHour?: number;
  @ApiPropertyOptional({ description: 'The daily limit it went past' }) limitPerDay?: number;
}

export class BulkBlocksResponse {
  @ApiProperty({ type: [BulkBlockResponse] }) blocks!: BulkBlockResponse[];
}

export class LiftedBlockResponse {
  @ApiProperty({ description: 'The scope that may read again' }) lifted!: string;
}
