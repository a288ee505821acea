import type { NoticeSettings } from '../../config/notice-settings';
import { emailSender } from './email-sender';
import type { NoticeSender } from './notice-sender';
import { webhookSender } from './webhook-sender';

/** How notices leave the vault; null when only the inbox keeps them. */
export function openNoticeSender(settings: NoticeSettings): NoticeSender | null {
  const { mail } = settings;
  if (mail.kind === 'off') return null;
  if (mail.kind === 'webhook') return webhookSender(mail, settings);
  return emailSender(mail, settings);
}
