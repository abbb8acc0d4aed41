export * from './public';
export * from './staff';
