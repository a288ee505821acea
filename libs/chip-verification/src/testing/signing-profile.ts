import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hashOid, OID } from '../signature/algorithms';

/** The signature schemes states use for CSCAs and Document Signers. */
export type SigningProfile = 'rsa' | 'rsa-pss' | 'ecdsa-brainpool' | 'ecdsa-p256';

export interface TestKey {
  readonly profile: SigningProfile;
  readonly privateKey: KeyObject;
  readonly publicKeyInfo: pkijs.PublicKeyInfo;
}

const HASH = 'sha256';
const PSS_SALT_LENGTH = 32;

export function generateTestKey(profile: SigningProfile): TestKey {
  const { privateKey, publicKey } =
    profile === 'rsa' || profile === 'rsa-pss'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: profile === 'ecdsa-brainpool' ? 'brainpoolP256r1' : 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { profile, privateKey, publicKeyInfo: pkijs.PublicKeyInfo.fromBER(spki) };
}

/** The AlgorithmIdentifier a signature with this key is labelled with. */
export function signatureAlgorithm(profile: SigningProfile): pkijs.AlgorithmIdentifier {
  switch (profile) {
    case 'rsa':
      return new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11', algorithmParams: new asn1js.Null() });
    case 'rsa-pss': {
      const hash = new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(HASH), algorithmParams: new asn1js.Null() });
      const params = new pkijs.RSASSAPSSParams({
        hashAlgorithm: hash,
        maskGenAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.mgf1, algorithmParams: hash.toSchema() }),
        saltLength: PSS_SALT_LENGTH,
      });
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaPss, algorithmParams: params.toSchema() });
    }
    case 'ecdsa-brainpool':
    case 'ecdsa-p256':
      return new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' });
  }
}

export function signBytes(key: TestKey, data: Uint8Array): Uint8Array {
  const options =
    key.profile === 'rsa-pss'
      ? { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_LENGTH }
      : key.privateKey;
  return new Uint8Array(sign(HASH, data, options));
}

export const TEST_DIGEST = HASH;
