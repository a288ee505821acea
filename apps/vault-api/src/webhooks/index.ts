export { postSigned } from './post-signed';
export { retryDelayMs } from './retry-delay';
