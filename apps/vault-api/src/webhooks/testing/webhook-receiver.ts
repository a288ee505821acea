import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  readonly headers: IncomingHttpHeaders;
  /** The body exactly as it arrived, for signature checks. */
  readonly body: string;
  readonly receivedAt: number;
  /** The status answered, or 'hung' when the receiver never answered. */
  status: number | 'hung';
  /** When the sender gave up on a hung request and closed it. */
  abandonedAt: number | null;
}

/** What to answer the nth request (0-based): a status, or 'hang' to never answer. */
export type Behaviour = (delivery: ReceivedDelivery, index: number) => number | 'hang';

/** A real HTTP endpoint on loopback that records every request and answers as the test says. */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  behaviour: Behaviour = () => 200;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      // Taken as the request arrives, not once its body is read: on a busy machine reading the body can lag by tens
      // of milliseconds, which would make the vault's deadline look shorter than it was.
      const receivedAt = Date.now();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => receiver.answer({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt, status: 'hung', abandonedAt: null }, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/kluis-feed`;
  }

  /** The requests answered with a 2xx, in the order they came. */
  accepted(): ReceivedDelivery[] {
    return this.received.filter((delivery) => typeof delivery.status === 'number' && delivery.status >= 200 && delivery.status < 300);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(delivery: ReceivedDelivery, response: ServerResponse): void {
    const index = this.received.push(delivery) - 1;
    const answer = this.behaviour(delivery, index);
    if (answer === 'hang') {
      response.on('close', () => {
        delivery.abandonedAt = Date.now();
      });
      return;
    }
    delivery.status = answer;
    response.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'thanks' : 'not now');
  }
}
