export * from './document.events';
export * from './document.commands';
export * from './document.errors';
export * from './document.state';
export * from './document.decide';
export * from './document.upcasters';
export * from './document.personal-fields';
export * from './document.aggregate';
export { documentSubmittedV1ToV2 } from './document-submitted-evidence-kind';
