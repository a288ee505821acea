import { useEffect, useState } from 'react';
import type { VaultDocument } from '../api/types';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { ProblemMessage } from '../ui/problem-message';
import { REVIEW_PURPOSE } from './four-eyes';

/**
 * The file itself, fetched with the reviewer's token and stated purpose (the vault records the read for the
 * customer to see) and shown from a blob: URL, which is all the page's security policy lets it frame. The download
 * link saves it under the name the vault suggests: the customer's name, with the extension of the file's real type.
 */
export function DocumentPreview({ document }: { document: VaultDocument }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [file, setFile] = useState<{ url: string; filename: string | null } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const typeName = t(`type.${document.type}`);

  useEffect(() => {
    let objectUrl: string | null = null;
    let current = true;
    api.download(`/v1/documents/${encodeURIComponent(document.id)}/content?purpose=${encodeURIComponent(REVIEW_PURPOSE)}`).then(
      ({ blob, filename }) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: document.file.mediaType }));
        setFile({ url: objectUrl, filename });
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, document.id, document.file.mediaType]);

  if (failure !== null) return <ProblemMessage error={failure} />;
  if (!file) return <p>{t('app.loading')}</p>;
  const { url } = file;
  const download = (
    <a href={url} download={file.filename ?? document.type}>
      {t('review.download')}
    </a>
  );
  switch (document.file.mediaType) {
    case 'application/pdf':
      return (
        <>
          <iframe className="preview-frame" src={url} title={t('review.previewFor', { type: typeName })} />
          <p>{download}</p>
        </>
      );
    case 'image/jpeg':
    case 'image/png':
      return (
        <>
          <img className="preview-image" src={url} alt={t('review.previewFor', { type: typeName })} />
          <p>{download}</p>
        </>
      );
    default:
      return (
        <p>
          {t('review.noPreview')} {download}
        </p>
      );
  }
}
