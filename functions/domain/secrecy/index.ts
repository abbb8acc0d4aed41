export * from './kinds';
export * from './checksums';
export * from './errors';
export { scanText, scanForApi, compileWatchList, type ScanOptions } from './scanner';
export * from './redaction';
export * from './review';
