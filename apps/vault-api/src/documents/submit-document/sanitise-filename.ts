import { withoutInvisibleControls } from '@kluis/document-domain';

const MAX_LENGTH = 200;

/**
 * A filename is kept only as metadata to show people, never as a path. Directories, control, invisible and
 * shell-special characters go; what is left is trimmed to a sane length, keeping the extension.
 */
export function sanitiseFilename(raw: string | undefined): string | null {
  if (!raw) return null;
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = withoutInvisibleControls(base.normalize('NFC'))
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return null;
  if (cleaned.length <= MAX_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_LENGTH - extension.length) + extension;
}
