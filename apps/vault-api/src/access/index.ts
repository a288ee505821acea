export { AccessRecorder } from './access-recorder';
export { BulkGuard, isOwnBlock } from './bulk-guard';
export { FeedReadRecorder } from './feed-read-recorder';
export { FileAccess } from './file-access';
export { Requires } from './requires.decorator';
