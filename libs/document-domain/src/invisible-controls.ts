/**
 * Characters that change how a name reads without being seen: bidirectional embeddings, overrides and isolates,
 * zero-width spaces and joiners, direction marks and the byte-order mark. `Bankafschrift\u202Efdp.hta` shows as
 * `Bankafschriftath.pdf`; without them a name reads as what it is.
 */
const INVISIBLE_CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function withoutInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}
