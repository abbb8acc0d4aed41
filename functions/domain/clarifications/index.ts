export * from './workflow';
export * from './catalogue';
export * from './timeline';
