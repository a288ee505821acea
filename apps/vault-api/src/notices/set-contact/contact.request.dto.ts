import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';

export class ContactRequest {
  @ApiProperty({ example: 'maria@example.nl', description: 'Where notices are mailed. The mail says only what happened and links to the sign-in page.' })
  @IsString({ message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({ allow_display_name: false, allow_ip_domain: false, require_tld: true }, { message: 'must be an email address' })
  email!: string;
}
