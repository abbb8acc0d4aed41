export * from './machine';
export * from './workflow';
export * from './catalogue';
