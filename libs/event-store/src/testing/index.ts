export * from './event-store.contract';
export * from './an-event';
export * from './eventually';
export * from './deferred';
