import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pkijs from 'pkijs';
import { ChipFailure } from '../chip-failure';
import { decodeDer } from '../sod/der';
import { CscaTrustStore } from './csca-trust-store';
import { readMasterList } from './master-list';

/** A trust store entry the vault could not read; it names the file but never its content. */
export class TrustStoreUnreadable extends Error {}

/**
 * Loads `VAULT_CSCA_MASTER_LIST`: either one master list file (CMS SignedData holding a CscaMasterList), or a
 * folder of CSCA certificates, master lists and CRLs, in PEM or DER. Any file the vault cannot read stops the load:
 * a trust store silently missing a state would refuse that state's documents as unknown.
 */
export async function loadCscaTrustStore(location: string): Promise<CscaTrustStore> {
  const files = (await stat(location)).isDirectory()
    ? (await readdir(location)).filter((name) => !name.startsWith('.')).sort().map((name) => join(location, name))
    : [location];
  const cscas: pkijs.Certificate[] = [];
  const crls: pkijs.CertificateRevocationList[] = [];
  for (const file of files) {
    if (!(await stat(file)).isFile()) continue;
    for (const der of derBlocks(await readFile(file))) {
      const entry = readEntry(der, basename(file));
      if (entry instanceof pkijs.CertificateRevocationList) crls.push(entry);
      else cscas.push(...entry);
    }
  }
  if (cscas.length === 0) throw new TrustStoreUnreadable(`${basename(location)} holds no CSCA certificate`);
  return new CscaTrustStore(cscas, crls);
}

function readEntry(der: Uint8Array, file: string): pkijs.Certificate[] | pkijs.CertificateRevocationList {
  let schema;
  try {
    schema = decodeDer(der, file);
  } catch {
    throw new TrustStoreUnreadable(`${file} is not a certificate, CRL or master list`);
  }
  for (const read of READERS) {
    try {
      return read(schema);
    } catch (error) {
      if (error instanceof ChipFailure && error.code !== 'CHIP.MALFORMED') {
        throw new TrustStoreUnreadable(`${file}: ${error.message}`);
      }
    }
  }
  throw new TrustStoreUnreadable(`${file} is not a certificate, CRL or master list`);
}

const READERS: ReadonlyArray<(schema: ReturnType<typeof decodeDer>) => pkijs.Certificate[] | pkijs.CertificateRevocationList> = [
  (schema) => [new pkijs.Certificate({ schema })],
  (schema) => new pkijs.CertificateRevocationList({ schema }),
  (schema) => readMasterList(schema),
];

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/g;

/** A PEM file may hold several certificates or CRLs; anything else is taken as one DER value. */
function derBlocks(content: Buffer): Uint8Array[] {
  const text = content.toString('latin1');
  if (!text.includes('-----BEGIN ')) return [new Uint8Array(content)];
  return [...text.matchAll(PEM_BLOCK)].map((match) => new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64')));
}
