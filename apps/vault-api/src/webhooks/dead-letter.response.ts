import { ApiProperty } from '@nestjs/swagger';

class DeadFeedEntryResponse {
  @ApiProperty() position!: number;
  @ApiProperty({ example: 'DocumentVerified' }) type!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: String, nullable: true }) documentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class DeadLetterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'mandates' }) department!: string;
  @ApiProperty({ description: "The entry's position in the department's feed" }) position!: number;
  @ApiProperty({ type: DeadFeedEntryResponse, description: 'The feed entry, exactly as it was sent' }) entry!: DeadFeedEntryResponse;
  @ApiProperty({ description: 'Attempts so far, retries by administrators included' }) attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The HTTP status of the last answer; null when none came' }) lastStatus!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'the endpoint answered 503' }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
}

export class DeadLettersResponse {
  @ApiProperty({ type: [DeadLetterResponse] }) deadLetters!: DeadLetterResponse[];
}

export class RetriedDeadLetterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() department!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ type: Boolean, description: 'Always true: a retry that is not accepted answers an error' }) delivered!: true;
  @ApiProperty({ description: "The endpoint's 2xx status" }) status!: number;
}
