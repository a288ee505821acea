import { ApiProperty } from '@nestjs/swagger';

class LegalHoldResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Investigation by the public prosecutor' }) reason!: string;
  @ApiProperty({ example: 'OM-2026-117' }) caseRef!: string;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
}

export class RetentionResponse {
  @ApiProperty({ example: 'C-1001' }) customerId!: string;
  @ApiProperty({ enum: ['prospect', 'active', 'retained', 'on_hold', 'erased'], description: 'retained: the relationship ended and the records are kept until retainedUntil' })
  status!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) startedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The last day the records are kept; they are erased after it unless a legal hold applies' })
  retainedUntil!: string | null;
  @ApiProperty({ type: [LegalHoldResponse] }) legalHolds!: LegalHoldResponse[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) erasedAt!: string | null;
  @ApiProperty({ enum: ['retention-ended', 'prospect-request'], nullable: true, type: String }) erasureReason!: string | null;
  @ApiProperty() revision!: number;
}

export class PlacedLegalHoldResponse extends LegalHoldResponse {
  @ApiProperty({ type: RetentionResponse }) retention!: RetentionResponse;
}

/** What a customer sees of their own retention: never a hold, nor its reason or case. */
export class MyRetentionResponse {
  @ApiProperty({ enum: ['prospect', 'active', 'retained', 'erased'] }) status!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) retainedUntil!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) erasedAt!: string | null;
}
