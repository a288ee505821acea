import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { ChipFailure } from '../chip-failure';
import { hashNamed, signatureScheme } from './algorithms';

export interface SignedBytes {
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
  readonly algorithm: pkijs.AlgorithmIdentifier;
  /** The hash a bare `rsaEncryption` or `ecPublicKey` signature uses: the CMS digest algorithm's. */
  readonly fallbackHash?: string;
}

/**
 * Verifies a signature with Node's OpenSSL rather than WebCrypto, because WebCrypto knows no brainpool curves and
 * many states sign with them.
 */
export function signatureVerifies(publicKey: pkijs.PublicKeyInfo, signed: SignedBytes): boolean {
  const key = keyOf(publicKey);
  const scheme = signatureScheme(signed.algorithm.algorithmId);
  try {
    switch (scheme.kind) {
      case 'rsa-pkcs1':
        return verify(hashOf(scheme.hash, signed), signed.data, key, signed.signature);
      case 'rsa-pss': {
        const pss = pssParameters(signed.algorithm);
        const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength };
        return verify(pss.hash, signed.data, options, signed.signature);
      }
      case 'ecdsa':
        return verify(hashOf(scheme.hash, signed), signed.data, { key, dsaEncoding: scheme.encoding }, signed.signature);
    }
  } catch {
    // OpenSSL refuses a key of the wrong type for the algorithm or a signature it cannot decode: either way the
    // signature does not verify.
    return false;
  }
}

function keyOf(publicKey: pkijs.PublicKeyInfo): KeyObject {
  try {
    return createPublicKey({ key: Buffer.from(publicKey.toSchema().toBER()), format: 'der', type: 'spki' });
  } catch {
    throw new ChipFailure('CHIP.MALFORMED', 'a certificate holds a public key that cannot be read');
  }
}

function hashOf(named: string | null, signed: SignedBytes): string {
  const hash = named ?? signed.fallbackHash;
  if (hash === undefined) throw new ChipFailure('CHIP.UNSUPPORTED_ALGORITHM', 'the signature names no hash algorithm');
  return hash;
}

function pssParameters(algorithm: pkijs.AlgorithmIdentifier): { hash: string; saltLength: number } {
  let params: pkijs.RSASSAPSSParams;
  try {
    params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
  } catch {
    throw new ChipFailure('CHIP.MALFORMED', 'the RSA-PSS parameters cannot be read');
  }
  const hash = hashNamed(params.hashAlgorithm.algorithmId);
  const mgfHash = new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams });
  // OpenSSL's verify uses the message hash for MGF1 as well; a SOD naming another would not be checked as signed.
  if (hashNamed(mgfHash.algorithmId) !== hash) {
    throw new ChipFailure('CHIP.UNSUPPORTED_ALGORITHM', 'RSA-PSS with a mask generation hash unlike its message hash');
  }
  return { hash, saltLength: params.saltLength };
}
