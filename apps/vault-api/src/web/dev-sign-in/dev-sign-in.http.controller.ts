import { type DevAuthConfig, mintDevToken, Public, ROLES, SCOPES } from '@kluis/auth';
import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DEMO_IDENTITIES, DEMO_TOKEN_LIFETIME, type DemoIdentity } from './demo-identities';
import { DevTokenRequest } from './dev-sign-in.request.dto';

export const DEV_AUTH_CONFIG = Symbol('DEV_AUTH_CONFIG');

class DemoIdentityResponse {
  @ApiProperty({ example: 'anna' }) id!: string;
  @ApiProperty({ example: 'anna' }) sub!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiPropertyOptional({ example: 'mandates' }) department?: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: string[];
}

class DemoIdentitiesResponse {
  @ApiProperty({ type: [DemoIdentityResponse] }) identities!: DemoIdentityResponse[];
}

class DevTokenResponse {
  @ApiProperty({ description: 'A bearer token for the identity' }) token!: string;
  @ApiProperty({ example: DEMO_TOKEN_LIFETIME }) expiresIn!: string;
}

const view = (identity: DemoIdentity) => ({
  id: identity.id,
  sub: identity.sub,
  roles: identity.roles,
  ...(identity.department ? { department: identity.department } : {}),
  scopes: identity.scopes ?? [],
});

/**
 * The sign-in of the embedded default: anyone who can reach the vault can become one of the demo identities.
 * This controller is only registered in dev mode, which the vault refuses to start in production.
 */
@ApiTags('dev sign-in')
@Public()
@Controller('dev')
export class DevSignInController {
  constructor(@Inject(DEV_AUTH_CONFIG) private readonly auth: DevAuthConfig) {}

  @Get('identities')
  @ApiOperation({ summary: 'List the demo identities (dev mode only)' })
  @ApiOkResponse({ type: DemoIdentitiesResponse, description: 'Dev mode only: the identities the sign-in page offers' })
  identities() {
    return { identities: DEMO_IDENTITIES.map(view) };
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Get a token for a demo identity (dev mode only)' })
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: DevTokenResponse, description: 'Dev mode only: a token for one of the demo identities' })
  async token(@Body() request: DevTokenRequest) {
    const identity = DEMO_IDENTITIES.find((candidate) => candidate.id === request.identity);
    // The DTO already allows only these ids; a miss here would be a programming error.
    if (!identity) throw new Error(`unknown demo identity ${request.identity}`);
    const token = await mintDevToken(this.auth.dataDir, { ...identity, expiresIn: DEMO_TOKEN_LIFETIME });
    return { token, expiresIn: DEMO_TOKEN_LIFETIME };
  }
}
