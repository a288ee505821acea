import { CHIP_AUTHENTICATION_OUTCOMES, type ChipAuthentication } from '@kluis/document-domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsIn, IsObject, IsString, MaxLength, MinLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** EF.SOD is a few kilobytes; a DG2 face image tens. Bounded so that a reading never weighs more than a small file. */
export const MAX_SOD_BASE64 = 32 * 1024;
export const MAX_DATA_GROUP_BASE64 = 64 * 1024;
const DATA_GROUP_NUMBER = /^(?:[1-9]|1[0-6])$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

@ValidatorConstraint({ name: 'dataGroups' })
class DataGroupsConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return (
      entries.length > 0 &&
      entries.every(
        ([number, content]) =>
          DATA_GROUP_NUMBER.test(number) &&
          typeof content === 'string' &&
          content.length > 0 &&
          content.length <= MAX_DATA_GROUP_BASE64 &&
          BASE64.test(content),
      )
    );
  }

  defaultMessage(): string {
    return `must map data group numbers ("1" to "16") to base64 of at most ${MAX_DATA_GROUP_BASE64} characters each`;
  }
}

export class RecordChipReadingRequest {
  @ApiProperty({ description: 'EF.SOD as read from the chip, base64', maxLength: MAX_SOD_BASE64 })
  @IsString()
  @MinLength(4)
  @MaxLength(MAX_SOD_BASE64)
  @IsBase64()
  sod!: string;

  @ApiProperty({
    description: 'The data groups read, by number, base64. DG1 (the MRZ) is required; DG2 (face), DG14 and DG15 are optional.',
    type: 'object',
    additionalProperties: { type: 'string', format: 'byte' },
    example: { '1': 'YVtfH1hQ', '2': 'dYIBAA==' },
  })
  @IsObject()
  @Validate(DataGroupsConstraint)
  dataGroups!: Record<string, string>;

  @ApiProperty({ enum: CHIP_AUTHENTICATION_OUTCOMES, description: "The app's chip or active authentication outcome, recorded as reported" })
  @IsIn(CHIP_AUTHENTICATION_OUTCOMES, { message: `must be one of ${CHIP_AUTHENTICATION_OUTCOMES.join(', ')}` })
  chipAuthentication!: ChipAuthentication;
}
