import { humanSize, refusalBeforeUpload } from './file-check';

const MAX = 25 * 1024 * 1024;

describe('checking a file before it is uploaded', () => {
  it('lets PDFs and images through, whatever the case of their name', () => {
    expect(refusalBeforeUpload({ name: 'Paspoort.PDF', type: 'application/pdf', size: 1000 }, MAX)).toBeNull();
    expect(refusalBeforeUpload({ name: 'scan.jpeg', type: 'image/jpeg', size: 1000 }, MAX)).toBeNull();
    expect(refusalBeforeUpload({ name: 'scan.tif', type: '', size: 1000 }, MAX)).toBeNull();
  });

  it('refuses other files by name or by the type the browser saw', () => {
    expect(refusalBeforeUpload({ name: 'brief.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 }, MAX)).toEqual({ reason: 'wrong-type' });
    expect(refusalBeforeUpload({ name: 'scan.pdf', type: 'text/html', size: 1000 }, MAX)).toEqual({ reason: 'wrong-type' });
    expect(refusalBeforeUpload({ name: 'pdf', type: 'application/pdf', size: 1000 }, MAX)).toEqual({ reason: 'wrong-type' });
  });

  it('refuses a file over the limit and an empty one', () => {
    expect(refusalBeforeUpload({ name: 'scan.pdf', type: 'application/pdf', size: MAX }, MAX)).toBeNull();
    expect(refusalBeforeUpload({ name: 'scan.pdf', type: 'application/pdf', size: MAX + 1 }, MAX)).toEqual({ reason: 'too-large', maxBytes: MAX });
    expect(refusalBeforeUpload({ name: 'scan.pdf', type: 'application/pdf', size: 0 }, MAX)).toEqual({ reason: 'empty' });
  });

  it('says sizes as people read them', () => {
    expect(humanSize(MAX, 'en')).toBe('25 MB');
    expect(humanSize(1536, 'nl')).toBe('1,5 kB');
    expect(humanSize(12, 'en')).toBe('12 byte');
  });
});
