import { ApiProperty } from '@nestjs/swagger';

/* OpenAPI shapes of the identity-number conflicts list; the controller builds the bodies. */

export class NumberHolderResponse {
  @ApiProperty({ example: 'C-1001' }) customerId!: string;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
}

export class IdentityNumberConflictResponse {
  @ApiProperty({ description: 'Where it was recorded; pass the last one as `after` to read on' }) position!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'The customer whose document was refused', example: 'C-2002' }) customerId!: string;
  @ApiProperty({ format: 'uuid', description: 'The refused document' }) documentId!: string;
  @ApiProperty({ type: NumberHolderResponse, description: 'Whose verified document carries the number' }) heldBy!: NumberHolderResponse;
  @ApiProperty({ description: 'The reviewer whose approval was refused', example: 'anna' }) refusedBy!: string;
}

export class IdentityNumberConflictsResponse {
  @ApiProperty({ type: [IdentityNumberConflictResponse] }) conflicts!: IdentityNumberConflictResponse[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as `after` for the next page; null at the end' }) next!: number | null;
}
