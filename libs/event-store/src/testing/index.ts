export * from './event-store.contract';
export * from './an-event';
