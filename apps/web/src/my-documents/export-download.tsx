import { useId, useState } from 'react';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { ProblemMessage } from '../ui/problem-message';

const EXPORT_PATH = '/v1/me/export?format=zip';
/** Only used if the vault suggests no name. */
const FALLBACK_FILENAME = 'kluis-export.zip';
/** Long enough for the browser to have taken the file into its downloads before the blob: URL stops resolving. */
const REVOKE_AFTER_MS = 10_000;

type Download = { readonly state: 'idle' } | { readonly state: 'busy' } | { readonly state: 'failed'; readonly error: unknown };

/**
 * Hands a file the page fetched to the browser's downloads, as a link with `download` would. A click on an anchor to
 * a blob: URL the page made itself is a download, not a navigation, so the security policy needs no blob: for it.
 */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Everything the bank holds on the customer (GDPR Art. 15), fetched with their token and saved as one zip. */
export function ExportDownload() {
  const { t } = useI18n();
  const { api } = useSession();
  const hintId = useId();
  const [download, setDownload] = useState<Download>({ state: 'idle' });

  const start = async () => {
    setDownload({ state: 'busy' });
    try {
      const { blob, filename } = await api.download(EXPORT_PATH);
      saveFile(blob, filename ?? FALLBACK_FILENAME);
      setDownload({ state: 'idle' });
    } catch (error) {
      setDownload({ state: 'failed', error });
    }
  };

  const busy = download.state === 'busy';
  return (
    <>
      <p id={hintId} className="hint">
        {t('data.exportExplained')}
      </p>
      <button type="button" aria-describedby={hintId} disabled={busy} onClick={() => void start()}>
        {busy ? t('data.exporting') : t('data.export')}
      </button>
      {download.state === 'failed' && <ProblemMessage error={download.error} />}
    </>
  );
}
