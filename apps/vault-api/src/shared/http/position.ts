import { Max } from 'class-validator';

/**
 * Stream positions are counted in JavaScript numbers: past 2^53 - 1 two positions read as one, and a client would
 * silently skip or repeat entries. No store comes near it, so anything larger is a client's mistake.
 */
export const MAX_POSITION = Number.MAX_SAFE_INTEGER;

export const AtMostMaxPosition = () => Max(MAX_POSITION, { message: `must be at most ${MAX_POSITION}` });
