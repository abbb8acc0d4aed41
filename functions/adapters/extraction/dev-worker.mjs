// The extraction worker when running TypeScript through tsx (tests, local mode, scripts). tsx
// registers its loader on the main thread only (Node 20), so the worker registers it itself
// before loading the TypeScript entry. The Lambda bundle uses extraction-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
