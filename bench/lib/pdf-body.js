'use strict';
const { createHash, randomUUID } = require('node:crypto');
const { Readable } = require('node:stream');

/** High-entropy bytes, as a scan's compressed image data is; the same every run. */
const FILLER = Buffer.concat(Array.from({ length: 2048 }, (_, index) => createHash('sha256').update(`kluis-bench-${index}`).digest()));

/**
 * A well-formed PDF of exactly `size` bytes whose bulk is one image stream of stated length, as a scanner makes them,
 * produced chunk by chunk and never held whole: the vault inspects uploads by their bytes.
 */
function pdfOfSize(size) {
  const text = `BT /F1 12 Tf 72 720 Td (${randomUUID()}) Tj ET`;
  const before = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> /XObject << /Scan 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let head = '%PDF-1.7\n';
  const offsets = [];
  before.forEach((object, index) => {
    offsets.push(head.length);
    head += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  offsets.push(head.length);
  const fontObject = '6 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n';
  const tailFor = (padding) => {
    const streamHead = `5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${padding} >>\nstream\n`;
    const streamEnd = '\nendstream\nendobj\n';
    const fontOffset = head.length + streamHead.length + padding + streamEnd.length;
    const xref = fontOffset + fontObject.length;
    const entries = [...offsets, fontOffset].map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    const trailer = `xref\n0 7\n0000000000 65535 f \n${entries}trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return { streamHead, tail: streamEnd + fontObject + trailer };
  };
  // The trailer's length depends on the offsets it names; two passes settle it.
  let { streamHead, tail } = tailFor(0);
  let padding = Math.max(0, size - head.length - streamHead.length - tail.length);
  ({ streamHead, tail } = tailFor(padding));
  padding = Math.max(0, size - head.length - streamHead.length - tail.length);
  ({ streamHead, tail } = tailFor(padding));
  const length = head.length + streamHead.length + padding + tail.length;
  function* chunks() {
    yield Buffer.from(head + streamHead, 'latin1');
    for (let sent = 0; sent < padding; sent += FILLER.length) yield sent + FILLER.length <= padding ? FILLER : FILLER.subarray(0, padding - sent);
    yield Buffer.from(tail, 'latin1');
  }
  return { length, chunks };
}

/** A multipart/form-data upload of a passport scan of `size` bytes, as a stream of known length. */
function multipartUpload(size, format = 'pdf') {
  const boundary = `kluis-bench-${randomUUID()}`;
  const file = format === 'jpeg' ? jpegOfSize(size) : pdfOfSize(size);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\npassport\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.${format}"\r\nContent-Type: ${format === 'jpeg' ? 'image/jpeg' : 'application/pdf'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  function* parts() {
    yield head;
    yield* file.chunks();
    yield tail;
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, length: head.length + file.length + tail.length, fileBytes: file.length, stream: () => Readable.from(parts(), { objectMode: false }) };
}

/** A JPEG of exactly `size` bytes: its signature, then image-like bytes. */
function jpegOfSize(size) {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  const tag = Buffer.from(randomUUID());
  const padding = Math.max(0, size - head.length - tag.length);
  function* chunks() {
    yield Buffer.concat([head, tag]);
    for (let sent = 0; sent < padding; sent += FILLER.length) yield sent + FILLER.length <= padding ? FILLER : FILLER.subarray(0, padding - sent);
  }
  return { length: head.length + tag.length + padding, chunks };
}

module.exports = { pdfOfSize, jpegOfSize, multipartUpload };
