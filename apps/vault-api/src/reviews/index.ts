export { IdentityNumberRegistry } from './review-document/identity-number-registry';
