import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../shared/http/calendar-date';

/** The facts a reviewer reads from a document. Which ones are required depends on its type. */
export class FactsRequest {
  @ApiPropertyOptional({ example: 'NXC4K8R71' }) @IsOptional() @IsString() @Matches(/^[A-Z0-9<-]{1,30}$/i, { message: 'must be letters and digits, at most 30' }) documentNumber?: string;
  @ApiPropertyOptional({ example: 'NLD', description: 'ICAO 9303 three-letter code' }) @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter country code, e.g. NLD' }) issuingCountry?: string;
  @ApiPropertyOptional({ example: 'Maria de Vries' }) @IsOptional() @IsString() @Length(1, 200) holderName?: string;
  @ApiPropertyOptional({ example: '1974-08-12' }) @IsOptional() @IsCalendarDate() dateOfBirth?: string;
  @ApiPropertyOptional({ example: '2031-01-01' }) @IsOptional() @IsCalendarDate() expiresOn?: string;
  @ApiPropertyOptional({ example: '2026-09-30' }) @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional({ example: 'Oudegracht 1, 3511 AA Utrecht' }) @IsOptional() @IsString() @Length(1, 300) address?: string;
  @ApiPropertyOptional({ example: 'Mr. J. Bakker, Utrecht' }) @IsOptional() @IsString() @Length(1, 200) notary?: string;
  @ApiPropertyOptional({ example: '2026-10-02' }) @IsOptional() @IsCalendarDate() deedDate?: string;
  @ApiPropertyOptional({ example: 'Jan de Vries' }) @IsOptional() @IsString() @Length(1, 200) grantor?: string;
  @ApiPropertyOptional({ example: 'Maria de Vries' }) @IsOptional() @IsString() @Length(1, 200) attorney?: string;
  @ApiPropertyOptional({ example: 'All banking matters' }) @IsOptional() @IsString() @Length(1, 500) scope?: string;
  @ApiPropertyOptional({ example: 'Bakkerij de Vries B.V.' }) @IsOptional() @IsString() @Length(1, 200) companyName?: string;
  @ApiPropertyOptional({ example: '12345678' }) @IsOptional() @IsString() @Length(1, 30) registrationNumber?: string;
}

export class ReviewDocumentRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'must be approve or reject' })
  decision!: 'approve' | 'reject';

  @ApiPropertyOptional({ type: FactsRequest, description: 'Required to approve, unless an MRZ supplies them' })
  @ValidateIf((review: ReviewDocumentRequest) => (review.decision === 'approve' && review.mrz === undefined) || review.facts !== undefined)
  @IsDefined({ message: 'are required to approve' })
  @ValidateNested()
  @Type(() => FactsRequest)
  facts?: FactsRequest;

  @ApiPropertyOptional({
    type: [String],
    description: 'Passports and ID cards: the machine-readable zone, one string per line (TD3 2×44, TD1 3×30). Every check digit is verified and the facts are cross-checked or filled in.',
    example: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F3404159ZE184226B<<<<<16'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2, { message: 'must have 2 or 3 lines' })
  @ArrayMaxSize(3, { message: 'must have 2 or 3 lines' })
  @IsString({ each: true })
  @Length(1, 60, { each: true, message: 'each line must be 1 to 60 characters' })
  mrz?: string[];

  @ApiPropertyOptional({ example: 'ILLEGIBLE', description: 'Required to reject' })
  @ValidateIf((review: ReviewDocumentRequest) => review.decision === 'reject' || review.reasonCode !== undefined)
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'must be an upper-case code such as ILLEGIBLE' })
  reasonCode?: string;

  @ApiPropertyOptional({ example: 'The scan is too blurry to read the document number. Please upload a sharper photo.', description: 'Required to reject; the customer reads it' })
  @ValidateIf((review: ReviewDocumentRequest) => review.decision === 'reject' || review.message !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'is required to reject: the customer reads it' })
  @Length(1, 1000)
  message?: string;

  @ApiPropertyOptional({
    example: 'Married since the first passport; the marriage certificate is on file.',
    description: "Approving an identity document whose holder differs from the customer's verified identity: why the holder is the customer. Required of the approval that would verify it.",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'must say why the holder is the customer' })
  @Length(1, 1000)
  holderMismatchReason?: string;
}
