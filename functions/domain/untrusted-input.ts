import { ValidationError } from './errors';

/*
 * Every name and structure a client sends is hostile until checked: a field called `__proto__`
 * written into a plain object changes Object.prototype for the whole process, a JSON body nested
 * ten thousand levels deep exhausts the stack of whoever walks it, and a control character in a
 * name ends up in logs and headers. The web edge (form and JSON bodies) and every stored-JSON
 * parser go through these checks; objects built from client names have no prototype.
 */

/** Property names that reach a prototype or a constructor when used as a key. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_KEYS = 20_000;
const MAX_KEY_LENGTH = 200;

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A property name a client may use: not a prototype key, no control characters, not huge. */
export function checkClientKey(key: string, where = '请求'): void {
  if (isForbiddenKey(key)) throw new ValidationError(`${where}中含有不允许的字段名“${key}”。`);
  if (key.length > MAX_KEY_LENGTH || CONTROL.test(key)) throw new ValidationError(`${where}中含有无效的字段名。`);
}

/**
 * JSON from a client or from a text field: parsed, then walked (iteratively, so depth cannot blow
 * the stack) to refuse prototype keys, bad names, excessive nesting and key counts.
 */
export function parseUntrustedJson(text: string, limits: { maxDepth?: number; what?: string } = {}): unknown {
  const what = limits.what ?? '请求体';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError(`${what}不是有效的 JSON。`);
  }
  assertSafeStructure(value, limits.maxDepth ?? MAX_JSON_DEPTH, what);
  return value;
}

/** Refuses prototype keys, bad key names, nesting deeper than `maxDepth` and too many keys. */
export function assertSafeStructure(value: unknown, maxDepth = MAX_JSON_DEPTH, what = '请求体'): void {
  const stack: [unknown, number][] = [[value, 0]];
  let keys = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) throw new ValidationError(`${what}嵌套层次过深。`);
    if (Array.isArray(node)) {
      for (const child of node) stack.push([child, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      checkClientKey(key, what);
      if (++keys > MAX_JSON_KEYS) throw new ValidationError(`${what}中的字段过多。`);
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
}

/**
 * A value of a lookup table by a key the client chose (a `?done=` flag, an `:action` segment):
 * only the table's own entries, never what `__proto__` or `constructor` would find on it.
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
