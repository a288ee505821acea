import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { InvalidTokenError } from '../auth.errors';
import type { TokenPolicy } from '../token-policy';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token-verifier';
import { FailedAuthentications } from './failed-authentications';
import { VerifiedTokens } from './verified-tokens';
import { extractBearerToken } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';
import { attachPrincipal } from './request-principal';

interface HttpRequest {
  headers: IncomingHttpHeaders;
  ip?: string;
}

export const TOKEN_POLICY = Symbol('TOKEN_POLICY');

interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Every route needs a valid bearer token unless marked @Public(). It only authenticates: what the principal may do
 * is decided by each use case. A verifier that cannot reach the issuer's keys is not the caller's fault, so that
 * error is passed on instead of becoming a 401. An address that keeps sending refused tokens is answered 429 for the
 * rest of the minute without checking them, so forging tokens cannot burn the vault's CPU; a token verified in the
 * last few minutes still passes, so clients behind the same proxy as the forger keep working.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly failures: FailedAuthentications;
  private readonly verified = new VerifiedTokens();

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
    @Inject(TOKEN_POLICY) policy: TokenPolicy,
  ) {
    this.failures = new FailedAuthentications(policy.failuresPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    if (context.getType() !== 'http') return false;

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const token = extractBearerToken(request.headers.authorization);
    if (!token) throw this.unauthorized(http.getResponse<HttpResponse>(), 'Bearer realm="kluis"');
    const known = this.verified.principalOf(token);
    if (known) {
      attachPrincipal(request, known);
      return true;
    }
    const address = request.ip ?? 'unknown';
    const retryAfter = this.failures.retryAfterSeconds(address);
    if (retryAfter > 0) {
      http.getResponse<HttpResponse>().setHeader('Retry-After', String(retryAfter));
      throw new HttpException('Too many refused tokens', HttpStatus.TOO_MANY_REQUESTS);
    }
    try {
      const principal = await this.verifier.verify(token);
      this.verified.remember(token, principal);
      attachPrincipal(request, principal);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        this.failures.record(address);
        throw this.unauthorized(http.getResponse<HttpResponse>(), 'Bearer realm="kluis", error="invalid_token"');
      }
      throw error;
    }
    return true;
  }

  // RFC 6750: a 401 tells the client which scheme to use.
  private unauthorized(response: HttpResponse, challenge: string): UnauthorizedException {
    response.setHeader('WWW-Authenticate', challenge);
    return new UnauthorizedException();
  }
}
