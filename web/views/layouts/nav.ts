import type { Section } from '../types';

/**
 * Navigation targets. The lead owns routing: if a route moves, change it here once.
 */
export const PUBLIC_NAV: { section: Exclude<Section, 'staff'>; href: string; label: string }[] = [
  { section: 'home', href: '/', label: '首页' },
  { section: 'proactive', href: '/proactive', label: '主动公开' },
  { section: 'apply', href: '/apply', label: '依申请公开' },
  { section: 'guide', href: '/guide', label: '政府信息公开指南' },
  { section: 'reports', href: '/reports', label: '政府信息公开年报' },
];

export const STAFF_NAV: { href: string; label: string }[] = [
  { href: '/staff', label: '工作台' },
  { href: '/staff/items', label: '主动公开' },
  { href: '/staff/requests', label: '依申请公开' },
  { href: '/staff/documents', label: '文档管理' },
  { href: '/staff/reviews', label: '保密审查' },
  { href: '/staff/clarifications', label: '澄清' },
  { href: '/staff/corrections', label: '更正申请' },
  { href: '/staff/reminders', label: '期限提醒' },
  { href: '/', label: '公开门户首页' },
];

export const ROUTES = {
  home: '/',
  proactive: '/proactive',
  apply: '/apply',
  track: '/track',
  guide: '/guide',
  reports: '/reports',
  clarifications: '/clarifications',
  calendar: '/calendar',
  login: '/login',
  logout: '/logout',
  staffHome: '/staff',
  staffReminders: '/staff/reminders',
  staffCalendar: '/staff/calendar',
} as const;
