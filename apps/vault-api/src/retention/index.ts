export { MyRetentionResponse } from './retention.response';
export { myRetentionFromReadModel } from './retention.view';
