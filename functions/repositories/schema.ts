/** The version of the key and index layout the repositories write (table-definition.ts declares the table for it). */
export const TABLE_SCHEMA_VERSION = 1;
