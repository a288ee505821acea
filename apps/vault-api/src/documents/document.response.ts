import {
  ASSURANCE_LEVELS,
  CHANNELS,
  CHIP_AUTHENTICATION_OUTCOMES,
  CHIP_READING_MEDIA_TYPE,
  CHIP_STEPS,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  HOLDER_CHECKS,
  HOLDER_FIELDS,
} from '@kluis/document-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* OpenAPI shapes of the document responses; the bodies themselves are built by document.view.ts. */

export class FileResponse {
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256!: string;
  @ApiProperty({ example: 482133 }) size!: number;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', CHIP_READING_MEDIA_TYPE] }) mediaType!: string;
  @ApiProperty({ nullable: true, type: String, example: 'passport.pdf' }) filename!: string | null;
}

export class ReviewResponse {
  @ApiProperty({ enum: ['approve', 'reject'] }) decision!: string;
  @ApiProperty({ description: 'The reviewer; customers see "a reviewer"', example: 'anna' }) by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String }) reasonCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
}

export class RejectionResponse {
  @ApiProperty({ example: 'ILLEGIBLE' }) reasonCode!: string;
  @ApiProperty({ example: 'The scan is too blurry to read the document number.' }) message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ClaimResponse {
  @ApiProperty({ example: 'anna' }) by!: string;
  @ApiProperty({ format: 'date-time', description: 'The lease ends then, unless renewed' }) until!: string;
}

class ChipStepResponse {
  @ApiProperty({ enum: CHIP_STEPS }) step!: string;
  @ApiProperty({ enum: ['passed', 'failed', 'not-checked'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String, example: 'CHIP.HASH_MISMATCH' }) code!: string | null;
  @ApiProperty() detail!: string;
}

class ChipVerdictResponse {
  @ApiProperty() passed!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'CHIP.UNKNOWN_CSCA' }) failureCode!: string | null;
  @ApiProperty({ type: [ChipStepResponse] }) steps!: ChipStepResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) signedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The Document Signer certificate subject' }) documentSigner!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The trusted CSCA it chains to' }) csca!: string | null;
  @ApiProperty({ enum: CHIP_AUTHENTICATION_OUTCOMES, description: "The app's report, recorded as sent" }) chipAuthentication!: string;
  @ApiProperty({ enum: HOLDER_CHECKS }) holderCheck!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'What DG1 states' }) facts!: Record<string, string>;
}

export class HolderConfirmationResponse {
  @ApiProperty({ example: 'bram' }) by!: string;
  @ApiProperty({ example: 'Married since the first passport; the marriage certificate is on file.' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class HolderMismatchResponse {
  @ApiProperty({ type: [String], enum: HOLDER_FIELDS, description: "Facts that differ from the customer's verified identity document" })
  fields!: string[];
  @ApiProperty({ type: HolderConfirmationResponse, nullable: true, description: 'The second reviewer who confirmed the holder, and why; null until then' })
  confirmed!: HolderConfirmationResponse | null;
}

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'C-1001' }) customerId!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ type: FileResponse }) file!: FileResponse;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Who uploaded it; customers see "you" or a role', example: 'you' }) submittedBy!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ type: [String] }) relatedCustomerIds!: string[];
  @ApiProperty({ format: 'date-time', description: 'When the review is due (SLA)' }) reviewDueAt!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true, description: 'Facts read by the reviewers' })
  facts!: Record<string, string> | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Until when it can be relied on' }) expiresOn!: string | null;
  @ApiProperty({ type: [ReviewResponse] }) reviews!: ReviewResponse[];
  @ApiProperty({ type: RejectionResponse, nullable: true }) rejection!: RejectionResponse | null;
  @ApiProperty({ type: ClaimResponse, nullable: true, description: 'Which reviewer is working on it (staff only)' }) claim!: ClaimResponse | null;
  @ApiProperty({ enum: ASSURANCE_LEVELS, nullable: true, description: 'Once verified: `chip` for a chip reading that passed passive authentication, `review` for a copy checked by staff' })
  assurance!: string | null;
  @ApiPropertyOptional({ type: ChipVerdictResponse, nullable: true, description: "A chip reading's passive authentication, step by step (not shown to departments)" })
  chip!: ChipVerdictResponse | null;

  @ApiProperty({
    type: HolderMismatchResponse,
    nullable: true,
    description: "An identity document whose holder differs from the customer's verified identity (staff only): it needs a second reviewer's confirmation before it is evidence",
  })
  holderMismatch!: HolderMismatchResponse | null;
  @ApiProperty({ description: 'Also sent as the ETag; send it back as If-Match' }) revision!: number;
}

export class DocumentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ type: FileResponse }) file!: FileResponse;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expiresOn!: string | null;
  @ApiProperty({ description: 'Verified, and its validity ends within the horizon (60 days by default)' }) expiringSoon!: boolean;
  @ApiProperty({ type: RejectionResponse, nullable: true }) rejection!: RejectionResponse | null;
  @ApiProperty() revision!: number;
}

export class DocumentListResponse {
  @ApiProperty({ type: [DocumentSummaryResponse] }) documents!: DocumentSummaryResponse[];
}

export class HistoryEntryResponse {
  @ApiProperty({ example: 'DocumentReviewed' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'a reviewer' }) by!: string;
  @ApiProperty({ example: 'Approved by a reviewer' }) summary!: string;
}

export class HistoryResponse {
  @ApiProperty({ type: [HistoryEntryResponse] }) history!: HistoryEntryResponse[];
}
