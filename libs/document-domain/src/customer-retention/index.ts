export * from './customer-retention.events';
export * from './customer-retention.commands';
export * from './customer-retention.errors';
export * from './customer-retention.state';
export * from './customer-retention.decide';
export * from './customer-retention.upcasters';
export * from './customer-retention.personal-fields';
export * from './customer-retention.aggregate';
