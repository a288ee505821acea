import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { aPdf } from '../../support/files';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A PDF of about `size` bytes, unique every time. The padding is hex digits: random bytes would now and then spell a
 * name such as `/JS`, and the vault rightly refuses a PDF that seems to carry a script.
 */
export const aPdfOfSize = (size: number) => {
  const pdf = aPdf();
  const padding = Math.max(0, size - pdf.length);
  return Buffer.concat([pdf, Buffer.from(randomBytes(Math.ceil(padding / 2)).toString('hex').slice(0, padding))]);
};

export interface UploadAnswer {
  readonly status: number;
  readonly body: { id?: string; file?: { sha256: string; size: number } };
}

/**
 * Posts one multipart upload over its own connection, in 64 KiB pieces with a pause between them, so an upload is
 * still on the wire for a while: a crash then finds uploads at every stage.
 */
export function paceUpload(baseUrl: string, token: string, customerId: string, file: Buffer, pauseMs: number): Promise<UploadAnswer> {
  const boundary = `kluis-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\npassport\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, file, tail]);
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: `/v1/customers/${customerId}/documents`,
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: response.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : {} });
        });
      },
    );
    call.on('error', reject);
    void (async () => {
      for (let offset = 0; offset < body.length; offset += 64 * 1024) {
        if (call.destroyed) return;
        call.write(body.subarray(offset, offset + 64 * 1024));
        await new Promise((wait) => setTimeout(wait, pauseMs));
      }
      call.end();
    })();
  });
}

/** The bytes of a document's content, as its owner downloads them. */
export async function download(baseUrl: string, token: string, documentId: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(`${baseUrl}/v1/documents/${documentId}/content`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}
