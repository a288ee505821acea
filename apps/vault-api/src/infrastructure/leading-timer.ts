import type { Logger } from '@nestjs/common';
import type { ProjectionsService } from './projections.service';

/**
 * Runs a timed task on the instance that projects the documents read model, which is one instance among many.
 * Others would only repeat the same reads for the deciders to turn into no-ops. A run that fails is logged and
 * the next one retries; a run still going when the next is due is not started twice.
 */
export class LeadingTimer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly projections: ProjectionsService,
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  start(intervalMs: number, task: () => Promise<unknown>): void {
    this.timer = setInterval(() => {
      if (!this.projections.leads || this.running) return;
      this.running = task()
        .catch((error: unknown) => this.logger.error({ err: error }, `${this.what} failed; the next run retries`))
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
