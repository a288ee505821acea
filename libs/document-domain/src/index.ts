export * from './domain-event';
export * from './document-type';
export * from './document-type-catalogue';
export * from './facts';
export * from './holder-check';
export * from './calendar';
export * from './document.events';
export * from './document.commands';
export * from './document.errors';
export * from './document.state';
export * from './document.decide';
export * from './document.upcasters';
export * from './upcasting';
export * from './mrz';
export * from './parse-catalogue';
export * from './document-request';
export * from './document-request.errors';
export * from './document-request-escalation';

export * from './identity-number';
export * from './customer-retention';
export * from './invisible-controls';
export * from './chip';

export * from './notices';
