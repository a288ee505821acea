import type { ChipAuthentication } from '@kluis/document-domain';

/**
 * The reading as the vault keeps it: every file the app sent, byte for byte, so it can be verified again later
 * (against a newer trust store, or by an auditor). Numbered data groups in order, so equal readings store equal bytes.
 */
export function chipReadingFile(sod: Uint8Array, dataGroups: ReadonlyMap<number, Uint8Array>, chipAuthentication: ChipAuthentication): Buffer {
  const groups = Object.fromEntries([...dataGroups].sort(([a], [b]) => a - b).map(([number, bytes]) => [String(number), Buffer.from(bytes).toString('base64')]));
  return Buffer.from(JSON.stringify({ sod: Buffer.from(sod).toString('base64'), dataGroups: groups, chipAuthentication }));
}
