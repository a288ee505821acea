/** A query parameter arrives as text: digits become a number for the validators, anything else is left to refuse. */
export const wholeNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
