export * from './identity-number.events';
export * from './identity-number.commands';
export * from './identity-number.errors';
export * from './identity-number.state';
export * from './identity-number.decide';
export * from './identity-number.upcasters';
export * from './identity-number.personal-fields';
export * from './identity-number.aggregate';
