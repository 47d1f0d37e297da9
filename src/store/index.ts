/**
 * @module store
 * Embedded SQLite persistence (Node only): saved scenarios and runs with their outputs, migrated
 * by schema version, parsed with zod on the way out. It does not run scenarios or speak HTTP
 * (see `server`). `store/codec.ts` is a second, SQLite-free entry for encoding run outputs.
 */
export { ChokepointStore, DATABASE_FILE, openStore, StoreBusyError } from "./store.js";
export type { EncodedRunOutputs, SavedScenario, StoredRun, StoredRunState } from "./store.js";
export { MIGRATIONS, StoreVersionError } from "./migrations.js";
export { decodeTidyColumns, encodeTidyColumns, gunzipJson, gzipJson, tidyColumnsFromRows, TIDY_KEY_COLUMNS } from "./codec.js";
export type { TidyColumns, TidyDimensions, TidyKeyColumn } from "./codec.js";
