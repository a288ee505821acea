import { mkdir, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { NoticeMail, NoticeSettings } from '../../config/notice-settings';
import { noticeEmail } from './notice-email';
import { NoticeNotSent, type NoticeSender, type Outgoing } from './notice-sender';

type EmailMail = Extract<NoticeMail, { kind: 'smtp' | 'folder' }>;

/** Over SMTP, or into a folder as .eml files in dev mode. */
export function emailSender(mail: EmailMail, settings: Pick<NoticeSettings, 'from' | 'signInUrl'>): NoticeSender {
  const transport: Transporter = mail.kind === 'smtp' ? smtpTransport(mail.url) : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    channel: 'email',
    needsAddress: true,
    send: async ({ notice, to }: Outgoing) => {
      if (!to) throw new NoticeNotSent('no address on file');
      const { subject, text } = noticeEmail(notice, settings.signInUrl);
      const info = await transport.sendMail({
        from: settings.from,
        to,
        subject,
        text,
        messageId: `<notice-${notice.noticeId}@kluis>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      if (mail.kind === 'folder') {
        await mkdir(mail.folder, { recursive: true });
        await writeFile(join(mail.folder, `${notice.noticeId}.eml`), info.message as Buffer);
      }
    },
    close: () => transport.close(),
  };
}

function smtpTransport(url: string): Transporter {
  const { hostname } = new URL(url);
  return createTransport({
    url,
    // Off loopback, a server that offers no STARTTLS is refused rather than sent the mail in clear text.
    requireTLS: !isLoopback(hostname),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof createTransport>[0]);
}

const isLoopback = (hostname: string): boolean => hostname === 'localhost' || (isIP(hostname) !== 0 && (hostname.startsWith('127.') || hostname === '::1' || hostname === '[::1]'));
