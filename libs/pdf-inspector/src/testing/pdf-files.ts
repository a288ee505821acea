import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

// Small PDFs built object by object, with a cross-reference table a reader would accept.
export const bytes = (part: string | Buffer): Buffer => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part);

/** A PDF of `objects`, numbered from 1, the first one its catalog; `trailer` adds entries to the trailer. */
export function pdf(objects: (string | Buffer)[], trailer = ''): Buffer {
  const parts: Buffer[] = [bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    const body = Buffer.concat([bytes(`${index + 1} 0 obj\n`), bytes(object), bytes('\nendobj\n')]);
    offsets.push(offset);
    parts.push(body);
    offset += body.length;
  });
  const entries = offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(bytes(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`));
  parts.push(bytes(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object's body; `statedLength` overrides the true length of `data`, as a damaged or hostile file does. */
export function stream(dictionary: string, data: Buffer, length: 'direct' | 'indirect' | number = 'direct'): Buffer {
  const stated = length === 'direct' ? `/Length ${data.length}` : length === 'indirect' ? '/Length 99 0 R' : `/Length ${length}`;
  return Buffer.concat([bytes(`<< ${stated} ${dictionary} >>\nstream\r\n`), data, bytes('\r\nendstream')]);
}

export interface ObjectStreamEncoding {
  readonly filter?: string;
  readonly extra?: string;
  readonly length?: 'direct' | 'indirect';
  /** The `/Type` entry; `/Type /ObjStm` unless given. */
  readonly type?: string;
}

/** An object stream holding `objects`, numbered from 100. */
export function objectStream(objects: string[], encoding: ObjectStreamEncoding = {}): Buffer {
  let header = '';
  let body = '';
  objects.forEach((object, index) => {
    header += `${100 + index} ${body.length} `;
    body += `${object}\n`;
  });
  const plain = Buffer.from(header + body, 'latin1');
  const data =
    encoding.filter === '/FlateDecode' ? deflateSync(plain) : encoding.filter === '/ASCIIHexDecode' ? Buffer.from(`${plain.toString('hex')}>`) : plain;
  const filter = encoding.filter ? `/Filter ${encoding.filter}` : '';
  const type = encoding.type ?? '/Type /ObjStm';
  return stream(`${type} /N ${objects.length} /First ${header.length} ${filter} ${encoding.extra ?? ''}`, data, encoding.length);
}

export const catalog = (extra = '') => `<< /Type /Catalog /Pages 2 0 R ${extra} >>`;
export const pageTree = (count: number) =>
  `<< /Type /Pages /Kids [${Array.from({ length: count }, (_, i) => `${3 + i} 0 R`).join(' ')}] /Count ${count} >>`;
export const page = (extra = '') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${extra} >>`;

/** A script that runs when the file opens, kept where the byte-level view of the file cannot see it: compressed. */
export const scriptInObjectStream = (encoding: ObjectStreamEncoding = {}) =>
  objectStream(['<< /S /JavaScript /JS (app.alert(1)) >>'], { filter: '/FlateDecode', ...encoding });

/** A file whose large compressed object stream is damaged halfway: it inflates for a while, then fails. */
export function objectStreamBrokenHalfway(): Buffer {
  const objects = Array.from({ length: 3000 }, (_, index) => `<< /Title (${randomBytes(24).toString('base64')}) /N ${index} >>`);
  const data = deflateSync(Buffer.from(objects.join('\n'), 'latin1'));
  data.fill(0xff, data.length >> 1, (data.length >> 1) + 64);
  return pdf([catalog(), pageTree(1), page(), stream('/Type /ObjStm /N 3000 /First 0 /Filter /FlateDecode', data)]);
}
