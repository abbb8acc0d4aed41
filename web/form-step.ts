import type { Context, Env, Hono } from 'hono';
import { DomainError, RateLimitedError, ValidationError, type FieldErrors } from '#domain/errors';
import { readForm, textOf, type FormBody } from './form-body';

/** Why a step was refused, for showing the form again: the status to answer with, the message, field errors. */
export interface Refusal {
  readonly status: 400 | 403 | 409 | 429;
  readonly message: string;
  readonly fields: FieldErrors;
  /** The field errors, or the message under `key` when there are none. */
  errors(key?: string): FieldErrors;
}

/** The refusals a form shows again; anything else (404, 401, 413, a bug) goes to the app's error handler. */
const SHOWN = new Set([403, 409, 429]);

export function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const fields = error instanceof ValidationError ? error.fields : {};
  const status = error instanceof ValidationError ? 400 : SHOWN.has(error.status) ? (error.status as 403 | 409 | 429) : undefined;
  if (status === undefined) return undefined;
  return { status, message: error.message, fields, errors: (key = '_') => (Object.keys(fields).length ? fields : { [key]: error.message }) };
}

/** The optimistic-lock version a form posts (`version`), when it is a positive integer. */
export function versionOf(form: FormBody): number | undefined {
  const n = Number(textOf(form, 'version'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export interface FormStep<E extends Env, P extends string> {
  /** Keep every value of repeated fields and files (multipart forms). */
  readonly all?: boolean;
  /** Runs the use case; a path is answered with a 303 redirect, a response is sent as it is. */
  run(c: Context<E, P>, form: FormBody, version: number | undefined): Promise<string | Response>;
  /** Shows the form again with the refusal, under the refusal's status. */
  again(c: Context<E, P>, refusal: Refusal, form: FormBody): Response | Promise<Response>;
}

/**
 * The one shape of a staff form post: read the form, run the step, redirect (303) on success; a
 * validation error shows the form again with its field errors (400), a refusal (403 forbidden,
 * 409 conflict, 429 too many) with its message and that status. 404 and everything else propagate.
 */
export function formStep<E extends Env, P extends string>(app: Hono<E>, path: P, step: FormStep<E, P>): void {
  app.post(path, async (c: Context<E, P>): Promise<Response> => {
    const form = await readForm(c, { all: step.all ?? false });
    let outcome: string | Response;
    try {
      outcome = await step.run(c, form, versionOf(form));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
      const page = await step.again(c, refusal, form);
      return new Response(page.body, { status: refusal.status, headers: page.headers });
    }
    return typeof outcome === 'string' ? c.redirect(outcome, 303) : outcome;
  });
}
