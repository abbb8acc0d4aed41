export * from './workflow';
export * from './catalogue';
export * from './timeline';
export * from './commands';
