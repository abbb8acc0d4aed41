export * from './actor';
export * from './engine';
export * from './errors';
export * from './input';
export * from './time';
export * from './timeline';
