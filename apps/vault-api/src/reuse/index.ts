export { requestViews } from './list-document-requests/request.view';
export { RequestResponse } from './list-document-requests/requests.response';
