export * from './workflow';
export * from './tracking';
export * from './letter';
export * from './commands';
