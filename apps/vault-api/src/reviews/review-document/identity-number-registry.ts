import type { Principal } from '@kluis/auth';
import { blindIndex, KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { type Actor, type Facts, identityNumberAggregate, IdentityNumberInUse } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../infrastructure/clock';
import { runCommand } from '../../shared/event-sourcing/run-command';
import { metadataFor } from '../../shared/event-sourcing/event-metadata';
import { loadStream } from '../../shared/event-sourcing/load-stream';

/**
 * The vault's own key for identity-number fingerprints. Not a customer's: the fingerprint must be the same whoever
 * holds the document, and a customer id cannot contain a colon, so no customer can ever be this subject.
 */
const FINGERPRINT_SUBJECT = 'kluis:identity-numbers';

/** Keeps each identity document number, per issuing country, to the one customer whose document it was verified on. */
@Injectable()
export class IdentityNumberRegistry {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_VAULT) private readonly keys: KeyVault,
    private readonly clock: Clock,
  ) {}

  /** Reserves the number for the customer, or records the attempt for support and refuses it. */
  async reserve(facts: Facts, owner: { customerId: string; documentId: string }, by: Actor, principal: Principal, requestId: string): Promise<void> {
    if (!facts.documentNumber || !facts.issuingCountry) return;
    const now = this.clock.now();
    const key = await this.fingerprint(facts.issuingCountry, facts.documentNumber);
    const erasedHolder = await this.erasedHolder(key);
    const command = { type: 'ReserveIdentityNumber' as const, ...owner, by, ...(erasedHolder ? { erasedHolder } : {}) };
    const outcome = await runCommand(this.store, identityNumberAggregate, key, { command, context: { now }, metadata: metadataFor(principal, requestId, now) });
    if (outcome.events.some((event) => event.type === 'IdentityNumberRefused')) throw new IdentityNumberInUse();
  }

  /** The number's holder, when their key was destroyed: an erased customer holds nothing. */
  private async erasedHolder(key: string): Promise<string | undefined> {
    const { state } = await loadStream(this.store, identityNumberAggregate, key);
    return state.holder && (await this.keys.isDestroyed(state.holder.customerId)) ? state.holder.customerId : undefined;
  }

  /** Letters and digits only, upper-cased: `nxc4k8r71`, `NXC-4K8R71` and `NXC4K8R71` are one number. */
  private async fingerprint(country: string, number: string): Promise<string> {
    const normalised = `${country.trim().toUpperCase()}:${number.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
    return blindIndex(await this.keys.dataKeyFor(FINGERPRINT_SUBJECT), normalised, 'identity-number');
  }
}
