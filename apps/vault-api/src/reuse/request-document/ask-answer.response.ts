import { EVIDENCE_KINDS } from '@kluis/document-domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AskerResponse } from '../list-document-requests/requests.response';

/** One shape for the three answers an ask can get, told apart by `status`. */
export class AskAnswerResponse {
  @ApiProperty({ enum: ['open', 'in_review', 'satisfied'], description: '`satisfied`: on file already; `in_review`: a document of the kind is being checked; `open`: the customer is asked' })
  status!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The ask; absent when it is satisfied from what is on file' }) id?: string;
  @ApiPropertyOptional({ enum: EVIDENCE_KINDS }) kind?: string;
  @ApiPropertyOptional({ type: [AskerResponse], description: 'Every department that needs it, with its stated purpose' }) askers?: AskerResponse[];
  @ApiPropertyOptional({ format: 'date-time' }) openedAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The document on file, or the one being checked' }) documentId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the document being checked is due to be reviewed' }) reviewDueAt?: string;
}
