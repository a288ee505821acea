/**
 * A bearer token was refused. `reason` is a stable code for logs (the jose error code, or our own for claims);
 * neither it nor the message ever contains the token or a claim's value.
 */
export class InvalidTokenError extends Error {
  readonly code = 'AUTH.INVALID_TOKEN';

  constructor(readonly reason: string) {
    super(`invalid token (${reason})`);
    this.name = 'InvalidTokenError';
  }
}

/** The claims of a correctly signed token do not describe a principal Kluis knows how to authorize. */
export class InvalidClaimsError extends Error {
  readonly code = 'AUTH.INVALID_CLAIMS';

  constructor(
    readonly claim: string,
    readonly problem: string,
  ) {
    super(`claim "${claim}" ${problem}`);
    this.name = 'InvalidClaimsError';
  }
}

/**
 * The issuer's key set could not be fetched or used. The token may be fine: callers answer 503, not 401, so that
 * clients do not throw away good tokens while the identity provider is down.
 */
export class TokenVerifierUnavailableError extends Error {
  readonly code = 'AUTH.VERIFIER_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenVerifierUnavailableError';
  }
}

export class AuthConfigError extends Error {
  readonly code = 'AUTH.CONFIG';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

/** The dev signing key file exists but cannot be used; it is never overwritten, so tokens already out stay valid. */
export class DevSigningKeyError extends Error {
  readonly code = 'AUTH.DEV_SIGNING_KEY';

  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${message}: ${path}`, options);
    this.name = 'DevSigningKeyError';
  }
}

export class TokenCliUsageError extends Error {
  readonly code = 'AUTH.TOKEN_CLI_USAGE';

  constructor(message: string) {
    super(message);
    this.name = 'TokenCliUsageError';
  }
}

/** A handler asked for the principal on a route that does not authenticate: a wiring mistake, not a client's. */
export class PrincipalMissingError extends Error {
  readonly code = 'AUTH.PRINCIPAL_MISSING';

  constructor() {
    super('no authenticated principal on this request; is the route marked @Public()?');
    this.name = 'PrincipalMissingError';
  }
}
