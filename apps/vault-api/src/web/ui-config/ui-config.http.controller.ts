import { Public } from '@kluis/auth';
import { DOCUMENT_TYPES, FACT_NAMES } from '@kluis/document-domain';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { UiConfig } from './ui-config';

export const UI_CONFIG = Symbol('UI_CONFIG');

class UiOidcResponse {
  @ApiProperty({ example: 'https://login.bank.example/realms/staff' }) issuer!: string;
  @ApiProperty({ nullable: true, type: String, description: 'VAULT_OIDC_CLIENT_ID; null when browser sign-in is not configured' }) clientId!: string | null;
  @ApiProperty({ example: 'kluis' }) audience!: string;
}

class UiDocumentTypeResponse {
  @ApiProperty({ enum: DOCUMENT_TYPES }) type!: string;
  @ApiProperty({ description: 'Needs two approvals by different reviewers' }) fourEyes!: boolean;
  @ApiProperty({ enum: ['TD3', 'TD1-or-TD2'], nullable: true, description: 'The machine-readable zone it carries' }) mrz!: string | null;
  @ApiProperty({ enum: FACT_NAMES, isArray: true, description: 'Facts a reviewer must read to approve it' }) requiredFacts!: string[];
}

class UiConfigResponse {
  @ApiProperty({ enum: ['dev', 'oidc'], description: 'dev: pick a demo identity; oidc: authorization code with PKCE' }) authMode!: string;
  @ApiProperty({ type: UiOidcResponse, nullable: true }) oidc!: UiOidcResponse | null;
  @ApiProperty({ example: 26214400, description: 'Larger uploads are refused' }) maxUploadBytes!: number;
  @ApiProperty({ type: [UiDocumentTypeResponse] }) documentTypes!: UiDocumentTypeResponse[];
}

@ApiTags('web')
@Public()
@Controller('ui-config')
export class UiConfigController {
  constructor(@Inject(UI_CONFIG) private readonly config: UiConfig) {}

  @Get()
  @ApiOperation({ summary: 'Read what the browser UI needs to start' })
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: UiConfigResponse, description: 'What the browser UI needs before anyone signs in' })
  read(): UiConfig {
    return this.config;
  }
}
