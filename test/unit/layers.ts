/**
 * The layering rules of docs/architecture.md as data, and the checker the architecture test runs
 * over every source file (and over a fixture, to prove a forbidden import is caught).
 *
 *   web → application → domain ← ports ← adapters;  repositories → ports, domain
 *   config, handlers, local: the composition roots, which may import anything.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** tsconfig.json's `#domain/*`-style aliases: alias prefix → directory. */
const ALIASES = Object.entries(
  (JSON.parse(readFileSync(join(import.meta.dirname, '../../tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, [string]> } }).compilerOptions.paths,
).map(([from, [to]]) => [from.replace('*', ''), normalize(to.replace('*', ''))] as const);

/** The repository-relative path an import names, or undefined for a package. */
export function resolveImport(file: string, spec: string): string | undefined {
  if (spec.startsWith('.')) return normalize(join(dirname(file), spec)).replace(/\\/g, '/');
  const alias = ALIASES.find(([prefix]) => spec.startsWith(prefix));
  return alias ? (alias[1] + spec.slice(alias[0].length)).replace(/\\/g, '/') : undefined;
}

export type Layer = 'domain' | 'ports' | 'application' | 'repositories' | 'adapters' | 'observability' | 'config' | 'handlers' | 'local' | 'web' | 'other';

export function layerOf(path: string): Layer {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('web/')) return 'web';
  const m = /^functions\/([^/]+)\//.exec(p);
  const layer = m?.[1];
  return layer && ['domain', 'ports', 'application', 'repositories', 'adapters', 'observability', 'config', 'handlers', 'local'].includes(layer) ? (layer as Layer) : 'other';
}

/** What each layer must not import (by layer of the imported file). */
export const FORBIDDEN: Readonly<Partial<Record<Layer, readonly Layer[]>>> = {
  domain: ['ports', 'application', 'repositories', 'adapters', 'observability', 'config', 'handlers', 'local', 'web'],
  ports: ['application', 'repositories', 'adapters', 'config', 'handlers', 'local', 'web'],
  repositories: ['application', 'adapters', 'config', 'handlers', 'local', 'web'],
  application: ['adapters', 'config', 'handlers', 'local', 'web'],
  adapters: ['application', 'config', 'handlers', 'local', 'web'],
  web: ['repositories', 'adapters', 'config', 'handlers', 'local'],
};

/** Packages a layer must not import. */
export const FORBIDDEN_PACKAGES: Readonly<Partial<Record<Layer, RegExp>>> = {
  domain: /^(@aws-sdk|hono|@hono|node:|fs$|path$|crypto$|jose|@middy|markdown-it|mammoth|pdfjs-dist|jszip)/,
  application: /^(@aws-sdk|hono|@hono|jose|@middy|markdown-it|mammoth|pdfjs-dist|jszip)/,
  web: /^@aws-sdk/,
};

export const importsOf = (text: string): string[] => [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** The offences of one file (its path relative to the repository root, and its text). */
export function layerOffences(file: string, text: string): string[] {
  const layer = layerOf(file);
  const out: string[] = [];
  for (const spec of importsOf(text)) {
    const target = resolveImport(file, spec);
    if (target !== undefined) {
      const targetLayer = layerOf(target);
      if (FORBIDDEN[layer]?.includes(targetLayer)) out.push(`${file}: ${layer} imports ${targetLayer} (${spec})`);
      if (target.endsWith('repositories/keys') && layer !== 'repositories') out.push(`${file}: builds table keys outside the repositories (${spec})`);
    } else if (FORBIDDEN_PACKAGES[layer]?.test(spec)) {
      out.push(`${file}: ${layer} imports ${spec}`);
    }
  }
  // Physical index names belong to the repositories, the store port's query type and the DynamoDB adapter.
  if (!['repositories', 'adapters', 'ports', 'other'].includes(layer) && /['"]GSI\d['"]|\bGSI\d:/.test(text)) out.push(`${file}: names a physical index`);
  return out;
}
