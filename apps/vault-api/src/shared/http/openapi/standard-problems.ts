/** What every route guarded by a bearer token may answer before its own use case speaks. */
export const SECURED_PROBLEM_RESPONSES = ['401', '403', '404', '429'] as const;

const DESCRIPTIONS: Record<string, string> = {
  '400': 'Bad input, naming each field',
  '401': 'No token, or one that is expired, revoked or not for this vault',
  '403': 'Your role or department may not do this',
  '404': 'Not found, or not yours to see: another customer’s data answers the same',
  '405': 'A method this path does not serve; Allow lists the ones it does',
  '409': 'The document or request is not in a state that allows this',
  '410': 'Erased: the data is gone for good',
  '412': 'Changed since you read it: read it again and retry with its new ETag',
  '413': 'The body is over the limit',
  '415': 'A body type or encoding this path does not read',
  '422': 'Read, but refused: the detail says why',
  '428': 'If-Match is required: send the ETag you last read',
  '429': 'Too many requests from this principal, or too many refused tokens from this address',
  '503': 'Not ready: a backend is not answering',
};

/** The one meaning a problem status has across the vault, for responses whose route adds nothing to it. */
export function standardProblemDescription(status: string): string | undefined {
  return DESCRIPTIONS[status];
}
