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

export class AskWordingResponse {
  @ApiProperty({ example: 'We need a valid identity document (…) from you for Investments, by 21 December 2026. It lets the bank rely on a checked document in your file.' }) en!: string;
  @ApiProperty({ example: 'Wij hebben een geldig identiteitsbewijs (…) van u nodig voor Investments, uiterlijk 21 december 2026. …' }) nl!: string;
}

export class WaitingOnResponse {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ format: 'date-time' }) reviewDueAt!: string;
}

export class EscalationResponse {
  @ApiProperty({ format: 'uuid' }) escalationId!: string;
  @ApiProperty() department!: string;
  @ApiProperty({ example: 'restrict-account' }) action!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The second officer; null until confirmed' }) confirmedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
}

export class RequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: string;
  @ApiProperty({ enum: ['open', 'in_review', 'satisfied'], description: '`in_review`: a document of the kind is being checked, and the customer is asked nothing' }) status!: string;
  @ApiProperty({ type: AskWordingResponse, description: "The vault's own wording of the ask (what, for whom, why, by when), in English and Dutch" }) wording!: AskWordingResponse;
  @ApiProperty({ type: [AskerResponse], description: "Every department that needs it, with its stated purpose" }) askers!: AskerResponse[];
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The earliest date any department needs it by' }) dueBy!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) satisfiedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The document that satisfied it' }) documentId!: string | null;
  @ApiProperty({ type: WaitingOnResponse, nullable: true, description: 'The document in review the ask waits on' }) waitingOn!: WaitingOnResponse | null;
  @ApiProperty({ type: LastRejectionResponse, nullable: true, description: 'Why the last upload for it was not accepted' }) lastRejection!: LastRejectionResponse | null;
  @ApiProperty({ type: [EscalationResponse] }) escalations!: EscalationResponse[];
}

export class RequestsResponse {
  @ApiProperty({ type: [RequestResponse] }) requests!: RequestResponse[];
}
