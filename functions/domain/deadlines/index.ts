/** Public API of the case clock (pure; see derive.ts for the clock model). */
export * from './errors';
export * from './config';
export * from './events';
export * from './derive';
export * from './urgency';
export * from './render';
