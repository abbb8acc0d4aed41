/** Public API of the working-day calendar (pure; see working-calendar.ts for the counting rule). */
export * from './errors';
export * from './iso-date';
export * from './schedule';
export * from './schedule-schema';
export { SHIPPED_NATIONAL_SCHEDULES } from './national-holidays';
export * from './working-calendar';
export * from './merge';
export * from './render';
export * from './instant';
