/**
 * One row per subject. A live row holds the wrapped key; an erased row (a tombstone) holds nothing but the subject
 * and the date. Both live in one row so that "create the key" and "erase the subject" race on one primary key,
 * and the database, not the application, decides which came first.
 */
export interface SubjectKeysTable {
  subject: string;
  key_id: string | null;
  master_key_id: string | null;
  wrapped: string | null;
  created_at: string | null;
  erased_at: string | null;
}

export interface KeyStoreSchema {
  subject_keys: SubjectKeysTable;
}
