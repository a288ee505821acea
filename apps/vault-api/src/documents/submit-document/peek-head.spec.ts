import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { peekHead } from './peek-head';

describe('peeking at the first bytes of an upload', () => {
  it('returns the head and still streams every byte, when piped at once', async () => {
    const upload = new PassThrough();
    upload.end('%PDF-1.7 the rest of the document');
    const { head, source } = await peekHead(upload, 8);
    expect(head.toString()).toBe('%PDF-1.7');
    const sink = new PassThrough();
    source().pipe(sink);
    expect(await text(sink)).toBe('%PDF-1.7 the rest of the document');
  });

  it('collects the head across small chunks', async () => {
    const { head, source } = await peekHead(Readable.from([Buffer.from('%P'), Buffer.from('DF'), Buffer.from('-1.7 more')]), 8);
    expect(head.toString()).toBe('%PDF-1.7');
    expect(await text(source())).toBe('%PDF-1.7 more');
  });

  it('hands back a stream shorter than the head whole', async () => {
    const { head, source } = await peekHead(Readable.from([Buffer.from('abc')]), 8);
    expect(head.toString()).toBe('abc');
    expect(await text(source())).toBe('abc');
  });

  it('passes on an error that happens after the head', async () => {
    const upload = new PassThrough();
    upload.write('%PDF-1.7 and then');
    const { source } = await peekHead(upload, 8);
    const failed = text(source());
    upload.destroy(new Error('connection reset'));
    await expect(failed).rejects.toThrow('connection reset');
  });

  it('makes no stream of its own that could fail with nobody listening', async () => {
    const upload = new PassThrough();
    upload.on('error', () => undefined);
    upload.write('%PDF-1.7 and then the body is cut off');
    const { source } = await peekHead(upload, 8);
    upload.destroy(new Error('Unexpected end of form'));
    await new Promise((tick) => setImmediate(tick));
    expect(source()).toBe(upload);
    expect(upload.errored?.message).toBe('Unexpected end of form');
  });
});
