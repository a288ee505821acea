/** How long a token may live, and how many refused tokens one client address may send before it is slowed down. */
export interface TokenPolicy {
  /** The most `exp` may lie after `iat`; a token older than this is refused too. */
  readonly maxLifetimeSeconds: number;
  readonly failuresPerMinute: number;
}

/**
 * A working day: a stolen token is useless by the next morning. Refused tokens cost a signature check each, so an
 * address sending hundreds a minute is stopped; honest clients send one and fetch a new token.
 */
export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxLifetimeSeconds: 12 * 60 * 60, failuresPerMinute: 300 };
