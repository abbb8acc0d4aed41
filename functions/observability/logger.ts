/**
 * Structured JSON logs, one line per entry, with the request id when there is one. Personal data
 * must never reach a log: values are scrubbed of anything shaped like an ID number, phone number
 * or e-mail address before they are written, whatever the caller passed.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const PERSONAL_PATTERNS: RegExp[] = [
  /(?<!\d)\d{17}[\dXx](?!\d)/g, // resident ID (18)
  /(?<!\d)\d{15}(?!\d)/g, // old resident ID (15) and long digit runs
  /(?<!\d)1[3-9]\d{9}(?!\d)/g, // mobile
  /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, // landline
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail
];

export function scrub(value: unknown): unknown {
  if (typeof value === 'string') return PERSONAL_PATTERNS.reduce((s, p) => s.replace(p, '[redacted]'), value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Error) return { name: value.name, message: scrub(value.message), stack: scrub(value.stack) };
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const log =
    (entryLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[entryLevel] < ORDER[level]) return;
      write(JSON.stringify(scrub({ time: new Date().toISOString(), level: entryLevel, message, ...base, ...fields })));
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}
