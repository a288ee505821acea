export { RequestFulfilment } from './request-fulfilment.service';
export { RequestNotices } from './request-notices';
