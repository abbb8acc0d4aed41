/** Deadlines across case kinds: the registry used after a schedule change, the daily sweep, reminders. */
export * from './recompute';
export * from './sweep';
export * from './reminders';
