export * from './machine';
export * from './workflow';
