export * from './given-when-then';
export * from './document.mothers';
