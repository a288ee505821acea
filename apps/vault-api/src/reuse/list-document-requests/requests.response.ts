import { EVIDENCE_KINDS } from '@kluis/document-domain';
import { ApiProperty } from '@nestjs/swagger';

export class AskerResponse {
  @ApiProperty({ example: 'mandates' }) department!: string;
  @ApiProperty({ example: 'Registering the power of attorney' }) purpose!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueBy!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class LastRejectionResponse {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() reasonCode!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class RequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: string;
  @ApiProperty({ enum: ['open', 'satisfied'] }) status!: string;
  @ApiProperty({ type: [AskerResponse], description: 'Every department that needs it, and why' }) askers!: AskerResponse[];
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The earliest date any department needs it by' }) dueBy!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) satisfiedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The document that satisfied it' }) documentId!: string | null;
  @ApiProperty({ type: LastRejectionResponse, nullable: true, description: 'Why the last upload for it was not accepted' }) lastRejection!: LastRejectionResponse | null;
}

export class RequestsResponse {
  @ApiProperty({ type: [RequestResponse] }) requests!: RequestResponse[];
}
