import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { createTransport, type Transporter } from 'nodemailer';
import type { NoticeMail } from '../../config/notice-settings';

export interface OutgoingMail {
  readonly noticeId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends one mail, or throws; sending the same notice twice carries the same Message-ID, so mail clients show it once. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const messageOf = (mail: OutgoingMail) => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  messageId: `<notice-${mail.noticeId}@kluis>`,
  headers: { 'Auto-Submitted': 'auto-generated' },
});

/** Over SMTP, or into a folder as .eml files in dev mode; null when mail is off. */
export function mailSender(mail: NoticeMail): MailSender | null {
  switch (mail.kind) {
    case 'off':
      return null;
    case 'folder':
      return folderSender(mail.folder);
    case 'smtp':
      return smtpSender(mail.url);
  }
}

function smtpSender(url: string): MailSender {
  const { hostname } = new URL(url);
  const transport: Transporter = createTransport({
    url,
    // Off loopback, a server that offers no STARTTLS is refused rather than sent the mail in clear text.
    requireTLS: !isLoopback(hostname),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof createTransport>[0]);
  return {
    send: async (mail) => {
      await transport.sendMail(messageOf(mail));
    },
    close: () => transport.close(),
  };
}

function folderSender(folder: string): MailSender {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (mail) => {
      const info = await transport.sendMail(messageOf(mail));
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, `${mail.noticeId}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

const isLoopback = (hostname: string): boolean => hostname === 'localhost' || (isIP(hostname) !== 0 && (hostname.startsWith('127.') || hostname === '::1' || hostname === '[::1]'));
