import { z } from 'zod';
import { maxTagsPerScenario } from './store/update-scenario';

/** A user's tag: trimmed and lower-cased, so "Rome " and "rome" are one tag. */
export const userTagSchema = z.string().trim().toLowerCase().min(1).max(40);

/** A list of tags as a user sends it: duplicates after normalising count once. */
export const userTagListSchema = z
  .array(userTagSchema)
  .max(maxTagsPerScenario)
  .transform((tags) => [...new Set(tags)]);
