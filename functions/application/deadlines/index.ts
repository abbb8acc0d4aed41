/** Deadlines across case kinds: the registry used after a schedule change, the daily and hourly sweeps, reminders. */
export * from './recompute';
export * from './sweep';
export * from './hourly';
export * from './reminders';
