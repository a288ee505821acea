export * from './given-when-then';
export * from './document.mothers';
export * from './scan.mothers';
export * from './stored-event';
export * from '../mrz/testing/encode-mrz';
