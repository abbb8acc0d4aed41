import type { Context, Hono } from 'hono';
import { z } from '../functions/domain/zod';
import { ValidationError } from '../functions/domain/errors';
import { parseUntrustedJson } from '../functions/domain/untrusted-input';
import type { WebEnv } from './env';

/**
 * API routes are declared through `defineApi`, which registers the Hono handler, validates the
 * request at the edge with the route's zod schemas, and records the route for /api/openapi.json.
 * A route cannot exist without its description.
 */
export interface ApiRoute<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body?: B;
  readonly query?: Q;
  /** Response schemas by status, for the description. */
  readonly responses: Record<number, { description: string; schema?: z.ZodType }>;
}

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

export class ApiRegistry {
  private readonly routes: ApiRoute<z.ZodType | undefined, z.ZodType | undefined>[] = [];

  define<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
    app: Hono<WebEnv>,
    route: ApiRoute<B, Q>,
    handler: (c: Context<WebEnv>, input: { body: Parsed<B>; query: Parsed<Q> }) => Response | Promise<Response>,
  ): void {
    this.routes.push(route);
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method.toUpperCase(), honoPath, async (c) => {
      const body = route.body ? parse(route.body, await readJson(c)) : undefined;
      const query = route.query ? parse(route.query, c.req.query()) : undefined;
      return handler(c, { body: body as Parsed<B>, query: query as Parsed<Q> });
    });
  }

  document(info: { title: string; version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const parameters = [
        ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
        ...(route.query ? queryParameters(route.query) : []),
      ];
      paths[route.path] = {
        ...paths[route.path],
        [route.method]: {
          summary: route.summary,
          tags: [route.tag],
          ...(parameters.length ? { parameters } : {}),
          ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
          responses: Object.fromEntries(
            Object.entries(route.responses).map(([status, r]) => [status, { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema) } } } : {}) }]),
          ),
        },
      };
    }
    return {
      openapi: '3.1.0',
      info,
      components: {
        securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Staff ID token (Cognito in AWS, the local issuer locally)' } },
        schemas: { Error: jsonSchema(errorSchema) },
      },
      paths,
    };
  }

  list(): ReadonlyArray<{ method: string; path: string }> {
    return this.routes.map((r) => ({ method: r.method.toUpperCase(), path: r.path }));
  }
}

export const errorSchema = z.object({ error: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

function jsonSchema(schema: z.ZodType): unknown {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return rest;
}

function queryParameters(schema: z.ZodType): unknown[] {
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
}

/** The JSON body, parsed and walked for prototype keys and excessive nesting before anyone reads it. */
async function readJson(c: Context): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new ValidationError('请求体须为 JSON（Content-Type: application/json）。');
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new ValidationError('请求体无法读取，请重新提交。');
  }
  return parseUntrustedJson(text);
}

/** zod issues become field-level messages (first issue per field). */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    fields[field] ??= issue.message;
  }
  throw new ValidationError('提交的信息有误，请按提示修改。', fields);
}
