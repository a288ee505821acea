import type { Decider } from '../domain-event';

/**
 * Business-readable decider tests: given what happened, when a command arrives, then these events (or this
 * refusal). Works for any decider.
 */
export function specFor<Command, Event, State, Context>(decider: Decider<Command, Event, State, Context>, context: () => Context) {
  return (...history: Event[]) => ({
    when: (command: Command) => {
      const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState), context());
      return {
        then: (expected: Event[]) => expect(run()).toEqual(expected),
        thenEmits: (matcher: (events: Event[]) => void) => matcher(run()),
        thenThrows: (error: new (...args: never[]) => Error, fields?: string[]) => {
          let thrown: unknown;
          try {
            run();
          } catch (caught) {
            thrown = caught;
          }
          expect(thrown).toBeInstanceOf(error);
          if (fields) expect((thrown as { fields: string[] }).fields).toEqual(fields);
        },
      };
    },
  });
}
