import { sanitiseFilename } from './sanitise-filename';

describe('keeping a filename only as safe metadata', () => {
  it.each([
    ['passport.pdf', 'passport.pdf'],
    ['C:\\Users\\maria\\Desktop\\paspoort scan.pdf', 'paspoort scan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..hidden.pdf', 'hidden.pdf'],
    ['in\u0000jection\r\n.pdf', 'injection.pdf'],
    ['<script>alert(1)</script>.png', 'script.png'],
    ['  volmacht   notaris.pdf ', 'volmacht notaris.pdf'],
    ['Überweisung-Öl.pdf', 'Überweisung-Öl.pdf'],
    ['Bankafschrift\u202Efdp.hta', 'Bankafschriftfdp.hta'],
    ['\u2066pas\u200Bpoort\u2069\u200E.pdf', 'paspoort.pdf'],
  ])('%j is kept as %j', (raw, expected) => expect(sanitiseFilename(raw)).toBe(expected));

  it.each([undefined, '', '...', '/', '\u0000', '\u202E\u200B'])('%j leaves no filename', (raw) => expect(sanitiseFilename(raw)).toBeNull());

  it('shortens a very long name but keeps its extension', () => {
    const kept = sanitiseFilename(`${'a'.repeat(500)}.pdf`)!;
    expect(kept).toHaveLength(200);
    expect(kept.endsWith('.pdf')).toBe(true);
  });
});
