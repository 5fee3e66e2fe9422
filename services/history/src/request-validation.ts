import { HttpProblem } from '@what-if/kit';
import type { z } from 'zod';

/**
 * Parses input with a zod schema, or answers the same 400 problem the contract validator
 * gives, each error naming the field as a JSON pointer under `location` (e.g. /body/scenario).
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  location: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.slice(0, 20).map((issue) => ({
    path: [location, ...issue.path.map(String)].join('/'),
    message: issue.message,
  }));
  return invalidFields(errors);
}

/** A 400 validation problem naming each invalid field. */
export function invalidFields(errors: Array<{ path: string; message: string }>): never {
  const summary = errors.map((error) => `${error.path.replace(/^\//, '')} ${error.message}`).join('; ');
  throw new HttpProblem(400, `The request is invalid: ${summary}.`, {
    type: 'validation',
    title: 'Your request has invalid fields',
    extensions: { errors },
  });
}
