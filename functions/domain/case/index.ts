export * from './actor';
export * from './engine';
export * from './errors';
export * from './time';
export * from './timeline';
export * from './step-input';
