export * from './workflow';
export * from './tracking';
export * from './letter';
