export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const DOCUMENT_CATALOGUE = Symbol('DOCUMENT_CATALOGUE');
