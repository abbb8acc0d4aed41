import type { Context, Hono } from 'hono';
import { z } from '#domain/zod';
import { UnauthenticatedError, ValidationError } from '#domain/errors';
import type { StaffMember } from '#domain/staff';
import { parseUntrustedJson } from '#domain/untrusted-input';
import type { WebEnv } from './env';

/**
 * API routes are declared through the registry, which registers the Hono handler, validates the
 * request at the edge with the route's zod schemas, and records the route for /api/openapi.json.
 * A route cannot exist without its description. Routes are declared by area (`area`, `staffArea`:
 * one tag and the refusals its routes share), each with its path and the handler it `run`s;
 * `define` and `defineStaff` declare a single route.
 *
 * Staff routes (`staffArea`, `defineStaff`): the handler receives the signed-in member of staff,
 * checked once here (401 when nobody is signed in, as the access guard answers), so no handler
 * reads `c.get('staff')` and asserts it. The access guard (web/access-policy.ts) still decides
 * which roles may call each route; a test holds the two in step.
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
type Input<B, Q> = { body: Parsed<B>; query: Parsed<Q> };
type Handler<B, Q, Extra = unknown> = (c: Context<WebEnv>, input: Input<B, Q> & Extra) => Response | Promise<Response>;
type Registered = ApiRoute<z.ZodType | undefined, z.ZodType | undefined> & { readonly staff: boolean };
type Responses = ApiRoute<undefined, undefined>['responses'];
type Signed = { staff: StaffMember };

/** A route of an area: its description and the handler that `run`s it. */
type Declare<Extra> = <B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  path: string,
  route: Omit<ApiRoute<B, Q>, 'method' | 'path' | 'tag'> & { run: Handler<B, Q, Extra> },
) => void;

/** The routes of one area (one tag), declared Hono-style: `area.post(path, { summary, body, responses, run })`. */
export interface Area<Extra> {
  readonly get: Declare<Extra>;
  readonly post: Declare<Extra>;
  readonly delete: Declare<Extra>;
}

export class ApiRegistry {
  private readonly routes: Registered[] = [];

  /** A route anyone the access policy lets through may call (public, or staff without needing who). */
  define<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(app: Hono<WebEnv>, route: ApiRoute<B, Q>, handler: Handler<B, Q>): void {
    this.register(app, route, false, () => ({}), handler);
  }

  /** A staff-only route: the handler receives the signed-in member of staff (401 when there is none). */
  defineStaff<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(app: Hono<WebEnv>, route: ApiRoute<B, Q>, handler: Handler<B, Q, Signed>): void {
    this.register(app, route, true, signedIn, handler);
  }

  /** The public routes of one area under `tag`; `refusals` are declared on every one of them. */
  area(app: Hono<WebEnv>, tag: string, refusals: Responses = {}): Area<unknown> {
    return this.areaOf(app, tag, refusals, false, () => ({}));
  }

  /** The staff-only routes of one area (as `defineStaff`). */
  staffArea(app: Hono<WebEnv>, tag: string, refusals: Responses = {}): Area<Signed> {
    return this.areaOf(app, tag, refusals, true, signedIn);
  }

  private areaOf<Extra>(app: Hono<WebEnv>, tag: string, refusals: Responses, staff: boolean, who: (c: Context<WebEnv>) => Extra): Area<Extra> {
    const on =
      (method: ApiRoute<undefined, undefined>['method']): Declare<Extra> =>
      (path, { run, ...route }) =>
        this.register(app, { ...route, method, path, tag, responses: { ...refusals, ...route.responses } }, staff, who, run);
    return { get: on('get'), post: on('post'), delete: on('delete') };
  }

  /** `who` runs first, before the body is read: a refusal to somebody not signed in is a 401, not a 400. */
  private register<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, Extra>(
    app: Hono<WebEnv>,
    route: ApiRoute<B, Q>,
    staff: boolean,
    who: (c: Context<WebEnv>) => Extra,
    handler: Handler<B, Q, Extra>,
  ): void {
    this.routes.push({ ...route, staff });
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method.toUpperCase(), honoPath, async (c) => {
      const extra = who(c);
      const body = route.body ? parse(route.body, await readJson(c)) : undefined;
      const query = route.query ? parse(route.query, c.req.query()) : undefined;
      return handler(c, { ...extra, body: body as Parsed<B>, query: query as Parsed<Q> });
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
          ...(route.staff ? { security: [{ staffToken: [] }] } : {}),
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

  /** Every route, and whether it was declared staff-only (`defineStaff`). */
  list(): ReadonlyArray<{ method: string; path: string; staff: boolean }> {
    return this.routes.map((r) => ({ method: r.method.toUpperCase(), path: r.path, staff: r.staff }));
  }
}

/** The member of staff signed in, or 401 as the access guard (web/middleware/access-guard.ts) answers. */
function signedIn(c: Context<WebEnv>): Signed {
  const staff = c.get('staff');
  if (!staff) throw new UnauthenticatedError('请先登录。');
  return { staff };
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
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  throw new ValidationError('提交的信息有误，请按提示修改。', fields);
}

/**
 * The steps on one case, `POST <casePath>/<name>`, each run by its use case on the case the path
 * names with the step's body; what the use case returns is answered through `dto` (the case after the step).
 */
export function caseSteps<D, R>(area: Area<Signed>, deps: D, casePath: string, responses: Responses, dto: (result: R) => object) {
  const param = /\{(\w+)\}$/.exec(casePath)![1]!;
  return <B extends z.ZodObject>(name: string, summary: string, body: B, run: (deps: D, staff: StaffMember, id: string, body: z.infer<B>) => Promise<R>): void =>
    area.post(`${casePath}/${name}`, { summary, body, responses, run: async (c, input) => c.json(dto(await run(deps, input.staff, c.req.param(param)!, input.body as z.infer<B>))) });
}
