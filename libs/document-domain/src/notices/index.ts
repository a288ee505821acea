export * from './notice.events';
export * from './notice.commands';
export * from './notice.state';
export * from './notice.decide';
export * from './notice.upcasters';
export * from './notice.personal-fields';
export * from './notice.aggregate';
export * from './notice-rules';
