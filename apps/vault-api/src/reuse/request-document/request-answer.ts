import type { RequestAnswer } from './request-document.command';

/** The answer as the department reads it. */
export type RequestAnswerBody = Exclude<RequestAnswer, { status: 'open' }> | Omit<Extract<RequestAnswer, { status: 'open' }>, 'opened'>;

/** 201 only when the ask opened a new round. */
export function answerOf(answer: RequestAnswer): { status: 200 | 201; body: RequestAnswerBody } {
  if (answer.status !== 'open') return { status: 200, body: answer };
  const { opened, ...body } = answer;
  return { status: opened ? 201 : 200, body };
}
