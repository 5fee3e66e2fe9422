import type { ScenarioCategory } from '@what-if/contracts';
import { categoryOf } from './domain';
import { readQuestion } from './read-question';

/** The category a question belongs to, read in the question's own language. */
export function inferCategory(question: string): ScenarioCategory {
  return categoryOf(readQuestion(question));
}
