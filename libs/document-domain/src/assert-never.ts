/**
 * Ends every switch over an event union: once each member is handled or named as ignored, what is left is `never`.
 * An event type added later then fails to compile at each switch until someone decides what it means there, rather
 * than being ignored without a word. At run time it is reached only by data the types did not foresee.
 */
export function assertNever(unhandled: never): never {
  const type = typeof unhandled === 'object' && unhandled !== null && 'type' in unhandled ? String((unhandled as { type: unknown }).type) : String(unhandled);
  throw new Error(`nothing here handles ${type}`);
}
