import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly raw: string;
}

/**
 * A real SMTP server on loopback that keeps every message it accepts. `refuse` makes it answer the next messages
 * with a temporary failure (451), as a busy or restarting mail server does.
 */
export class SmtpInbox {
  readonly mails: ReceivedMail[] = [];
  private refusals = 0;
  private attempts = 0;

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<SmtpInbox> {
    let inbox: SmtpInbox | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const self = inbox!;
          self.attempts += 1;
          if (self.refusals > 0) {
            self.refusals -= 1;
            const refused = Object.assign(new Error('Try again later'), { responseCode: 451 });
            return callback(refused);
          }
          self.mails.push(parse(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((rcpt) => rcpt.address)));
          callback();
        });
      },
    });
    inbox = new SmtpInbox(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Messages that reached the server, accepted or refused. */
  get received(): number {
    return this.attempts;
  }

  refuse(count: number): void {
    this.refusals = count;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parse(raw: string, to: string[]): ReceivedMail {
  const [head, ...body] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let text = body.join('\n\n');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    text = Buffer.from(text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return { to, headers, text: text.replace(/\r\n/g, '\n'), raw };
}
