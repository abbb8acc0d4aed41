export { CalendarAdminPage, SCHEDULE_FORM_FIELDS, type CalendarAdminPageProps, type StoredScheduleRow } from './CalendarAdminPage';
export { RemindersPage, type DeadlineRow, type ReminderRow, type RemindersPageProps } from './RemindersPage';
