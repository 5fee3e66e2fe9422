/**
 * An anonymous visitor: opens the app (the suggestions for an empty text box), reads them,
 * and now and then asks one of them. Some arrive through a share link someone sent them: they
 * read its page first, then go on to the app. Suggested questions are what most visitors ask, so
 * these generations are mostly answered from generation's cache. Anonymous generation has a
 * daily quota per client address (QUOTA_ANONYMOUS_PER_DAY): past it, the 429 is the
 * expected answer, and the run counts it in `quota_refusals`.
 */
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';
import { call, jsonBody } from '../lib/http.ts';
import { chance, pick, think } from '../lib/pacing.ts';
import { routes } from '../lib/routes.ts';
import { openSharePage } from './shares.ts';

export const quotaRefusals = new Counter('quota_refusals');

/** How often each optional step happens; the capacity model reads the same numbers. */
export const anonymousOdds = { sharePage: 0.2, generate: 0.3 };

interface Suggestions {
  language: string;
  categories: { category: string; questions: string[] }[];
}

/** `shareSlugs`: the links setup() shared, which these visitors were sent. */
export function anonymousVisitor(data: { shareSlugs: string[] }): void {
  group('anonymous visitor', () => {
    const slug = pick(data.shareSlugs);
    if (slug && chance(anonymousOdds.sharePage)) {
      openSharePage(slug);
      think(30);
    }

    const language = Math.random() < 0.8 ? 'en' : 'vi';
    const response = call(routes.suggestions, { query: { language } });
    const suggestions = jsonBody<Suggestions>(response);
    check(
      response,
      {
        'suggestions: 200': (r) => r.status === 200,
        'suggestions: questions in the language asked': () =>
          suggestions?.language === language &&
          suggestions.categories.length > 0 &&
          suggestions.categories.every((entry) => entry.questions.length > 0),
      },
      { route: routes.suggestions.name },
    );
    think(5);

    if (!chance(anonymousOdds.generate)) return;
    const entry = pick(suggestions?.categories ?? []);
    const question = pick(entry?.questions ?? []) ?? 'What if the printing press had been invented in Rome?';
    const generated = call(routes.generate, { body: { question }, expected: [201, 429] });
    if (generated.status === 429) quotaRefusals.add(1, { route: routes.generate.name });
    const scenario = jsonBody<{ title?: string; timeline?: unknown[] }>(generated);
    check(
      generated,
      {
        'generate: a scenario, or the anonymous quota reached': (r) => r.status === 201 || r.status === 429,
        'generate: the scenario has a title and a timeline': (r) =>
          r.status === 429 || (typeof scenario?.title === 'string' && (scenario.timeline ?? []).length > 0),
      },
      { route: routes.generate.name },
    );
    think(20);
  });
}
