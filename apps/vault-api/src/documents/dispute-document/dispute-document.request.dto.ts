import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsString, Length, Matches } from 'class-validator';

export class DisputeDocumentRequest {
  @ApiProperty({ type: [String], example: ['dateOfBirth'], description: 'The facts the bank read wrong, by their names in the document’s facts' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/, { each: true, message: 'each field is the name of a fact, such as dateOfBirth' })
  fields!: string[];

  @ApiProperty({ example: 'My date of birth is 12 March 1974, not 1947.', description: 'What is wrong, in your words: the reviewer who looks again reads it' })
  @IsString()
  @Length(5, 1000)
  message!: string;
}
