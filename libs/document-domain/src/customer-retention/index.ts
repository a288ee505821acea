export * from './customer-retention.events';
export * from './customer-retention.commands';
export * from './customer-retention.errors';
export * from './customer-retention.state';
export * from './customer-retention.decide';
