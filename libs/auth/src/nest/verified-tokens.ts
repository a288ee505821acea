import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Principal } from '../principal';

/** Short enough that a key the issuer withdraws stops working within minutes, long enough to spare most checks. */
const MAX_REMEMBER_MS = 5 * 60_000;
const MAX_TOKENS = 10_000;

interface Entry {
  readonly principal: Principal;
  readonly until: number;
}

/**
 * Tokens that passed verification, by hash, until they expire (at most five minutes): a client sends the same token
 * with every request, and checking its signature each time is most of what authentication costs. Keyed by hash so
 * the tokens themselves are not kept in memory.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  principalOf(token: string): Principal | undefined {
    const key = hashOf(token);
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.principal;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  remember(token: string, principal: Principal): void {
    const exp = decodeJwt(token).exp;
    if (typeof exp !== 'number') return;
    const until = Math.min(exp * 1000, this.now() + MAX_REMEMBER_MS);
    if (this.entries.size >= MAX_TOKENS) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(hashOf(token), { principal, until });
  }
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
