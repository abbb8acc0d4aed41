/** Public API of disclosure on application (依申请公开). Pure domain code. */
export * from './application';
export * from './responses';
export * from './workflow';
export * from './letters';
export * from './official-document';
export * from './fees';
export * from './duplicates';
export * from './tracking';
export * from './annual-report';
export * from './notices';
export * from './same-information';
