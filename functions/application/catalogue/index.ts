/** Proactive disclosure (主动公开): catalogue settings, the publishing use cases and the public read side. */
export * from './settings';
export * from './stamp';
export * from './items';
export * from './public';
export * from './work-list';
export * from './item-steps';
