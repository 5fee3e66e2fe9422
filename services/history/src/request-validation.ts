import { validationProblem } from '@what-if/kit';
import type { z } from 'zod';

/**
 * Parses input with a zod schema, or answers the kit's 400 validation problem, each error
 * naming the field as a JSON pointer under `location` (e.g. /body/scenario).
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  location: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationProblem(
    result.error.issues.map((issue) => ({
      path: [location, ...issue.path.map(String)].join('/'),
      message: issue.message,
    })),
  );
}
