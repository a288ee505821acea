export * from './event-store.contract';
export * from './an-event';
export * from './wait-until';
