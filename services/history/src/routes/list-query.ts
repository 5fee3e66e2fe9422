import {
  type ScenarioCategory,
  type ScenarioLanguage,
  scenarioCategories,
  scenarioLanguages,
} from '@what-if/contracts';
import type { Request } from 'express';
import { z } from 'zod';
import { parseInput } from '../request-validation';
import { foldForSearch } from '../search-text';
import type { ListFilters } from '../store/list-scenarios';
import { userTagSchema } from '../user-tags';

export const listLimits = { min: 1, max: 50, default: 20 } as const;

/** The query string arrives as text; the contract validator has already checked its shape. */
const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(listLimits.min).max(listLimits.max).default(listLimits.default),
  cursor: z.string().min(1).optional(),
  tag: userTagSchema.optional(),
  favorite: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
    .optional(),
  category: z.enum(scenarioCategories).optional(),
  language: z.enum(scenarioLanguages).optional(),
  q: z.string().max(100).optional(),
});

export interface ListQuery {
  limit: number;
  cursor?: string;
  filters: ListFilters;
}

export function readListQuery(req: Request): ListQuery {
  const query = parseInput(listQuerySchema, { ...req.query }, '/query');
  const q = query.q === undefined ? '' : foldForSearch(query.q);
  const filters: ListFilters = {
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.favorite !== undefined ? { favorite: query.favorite } : {}),
    ...(query.category ? { category: query.category as ScenarioCategory } : {}),
    ...(query.language ? { language: query.language as ScenarioLanguage } : {}),
    // Only spaces or accents: nothing to search for, so no filter.
    ...(q ? { q } : {}),
  };
  return { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}), filters };
}
