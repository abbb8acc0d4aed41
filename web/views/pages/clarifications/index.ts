export * from './public';
export * from './staff';
export * from './parts';
