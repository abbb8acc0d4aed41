/** Public API of the portal search (pure; see search-index.ts for the scaling limits). */
export * from './tokenizer';
export * from './snippet';
export * from './document';
export * from './search-index';
