import { attachmentFilename } from './attachment-filename';

describe('the filename of a download', () => {
  it('is the one the vault suggests, quoted or not', () => {
    expect(attachmentFilename('attachment; filename="kluis-export-2026-11-23.zip"')).toBe('kluis-export-2026-11-23.zip');
    expect(attachmentFilename('attachment; filename=kluis-export-2026-11-23.zip; size=10')).toBe('kluis-export-2026-11-23.zip');
  });

  it('is the UTF-8 name when the vault sends one beside its ASCII stand-in', () => {
    expect(attachmentFilename("attachment; filename=\"_berweisung.pdf\"; filename*=UTF-8''%C3%9Cberweisung.pdf")).toBe('Überweisung.pdf');
    expect(attachmentFilename("attachment; filename=\"scan.pdf\"; filename*=UTF-8''%E0%A4%A")).toBe('scan.pdf');
  });

  it('never carries a path', () => {
    expect(attachmentFilename("attachment; filename*=UTF-8''..%2F..%2Fexport.zip")).toBe('export.zip');
    expect(attachmentFilename('attachment; filename="../../etc/export.zip"')).toBe('export.zip');
    expect(attachmentFilename('attachment; filename="C:\\Users\\export.zip"')).toBe('export.zip');
  });

  it('is missing when the vault suggests none', () => {
    expect(attachmentFilename(null)).toBeNull();
    expect(attachmentFilename('attachment')).toBeNull();
    expect(attachmentFilename('attachment; filename=""')).toBeNull();
  });
});
