import type { Aggregate } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { type CommandOutcome, type CommandRequest, runCommand } from './run-command';

/** Where the read model stands: the pipeline waits on it so an answer shows its own change. */
export interface ReadModelProgress {
  caughtUpTo(position: number): Promise<boolean>;
}

/** Provided by whatever runs the projections; the pipeline knows it by this token only. */
export const READ_MODEL_PROGRESS = Symbol('READ_MODEL_PROGRESS');

export interface PipelineOutcome<Event, State> extends CommandOutcome<Event, State> {
  /** Whether the read model showed the change before the answer; false after the configured wait ran out. */
  readonly caughtUp: boolean;
}

/**
 * Runs every command a person sends: load and fold the stream once, check access on what it holds, decide, seal and
 * append at the revision the caller saw, then wait for the read model, so that what they read next shows their
 * change. It answers with domain events and state: the caller makes the view and the status of them.
 */
@Injectable()
export class CommandPipeline {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_PROGRESS) private readonly readModel: ReadModelProgress,
  ) {}

  async run<Command, Event extends { type: string; data: object }, State, Context>(
    aggregate: Aggregate<Command, Event, State, Context>,
    id: string,
    request: CommandRequest<Command, Event, State, Context>,
  ): Promise<PipelineOutcome<Event, State>> {
    const outcome = await runCommand(this.store, aggregate, id, request);
    const caughtUp = outcome.position === null || (await this.readModel.caughtUpTo(outcome.position));
    return { ...outcome, caughtUp };
  }
}
