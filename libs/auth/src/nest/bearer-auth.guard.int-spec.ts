import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { TokenVerifierUnavailableError } from '../auth.errors';
import { mintDevToken } from '../dev/mint-dev-token';
import type { Principal } from '../principal';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token-verifier';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { Public } from './public.decorator';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open(): { open: true } {
    return { open: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Public()
  @Get('open-but-asks-who')
  openButAsksWho(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

@Public()
@Controller('status')
class StatusController {
  @Get()
  status(): { up: true } {
    return { up: true };
  }
}

async function startApp(dataDir: string, verifier?: TokenVerifier): Promise<INestApplication> {
  const builder = Test.createTestingModule({
    imports: [AuthModule.forRoot({ mode: 'dev', dataDir })],
    controllers: [ProbeController, StatusController],
  });
  if (verifier) builder.overrideProvider(TOKEN_VERIFIER).useValue(verifier);
  const app = (await builder.compile()).createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('bearer auth guard', () => {
  let dataDir: string;
  let app: INestApplication;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kluis-auth-guard-'));
    app = await startApp(dataDir);
  });

  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets anyone call a public route or a public controller', async () => {
    await request(app.getHttpServer()).get('/probe/open').expect(200, { open: true });
    await request(app.getHttpServer()).get('/status').expect(200, { up: true });
  });

  it('refuses a protected route without a token, asking for a bearer token', async () => {
    const response = await request(app.getHttpServer()).get('/probe/me').expect(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it.each([
    ['a malformed token', 'Bearer not-a-token'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['two tokens', 'Bearer a.b.c d.e.f'],
  ])('refuses a protected route with %s', async (_label, authorization) => {
    await request(app.getHttpServer()).get('/probe/me').set('Authorization', authorization).expect(401);
  });

  it('refuses a token signed by another key', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'kluis-auth-guard-other-'));
    try {
      const token = await mintDevToken(otherDir, { sub: randomUUID(), roles: ['admin'] });
      const response = await request(app.getHttpServer()).get('/probe/me').auth(token, { type: 'bearer' }).expect(401);
      expect(response.headers['www-authenticate']).toContain('invalid_token');
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('admits a good token and hands the principal to the handler', async () => {
    const sub = randomUUID();
    const token = await mintDevToken(dataDir, { sub, roles: ['department'], department: 'mandates', scopes: ['evidence:read'] });

    await request(app.getHttpServer())
      .get('/probe/me')
      .set('Authorization', `bearer ${token}`)
      .expect(200, { sub, roles: ['department'], department: 'mandates', scopes: ['evidence:read'] });
  });

  it('fails loudly when a public route asks for the principal', async () => {
    await request(app.getHttpServer()).get('/probe/open-but-asks-who').expect(500);
  });

  it('does not blame the caller when the verifier cannot reach its keys', async () => {
    const unavailable: TokenVerifier = {
      verify: () => Promise.reject(new TokenVerifierUnavailableError('key set unreachable')),
    };
    const outage = await startApp(dataDir, unavailable);
    try {
      await request(outage.getHttpServer()).get('/probe/me').auth('a.b.c', { type: 'bearer' }).expect(500);
    } finally {
      await outage.close();
    }
  });
});
