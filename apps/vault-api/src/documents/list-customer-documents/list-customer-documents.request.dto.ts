import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ListCustomerDocumentsRequest {
  @ApiPropertyOptional({ description: 'Only verified documents whose validity ends within the horizon' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  expiringSoon?: boolean;
}
