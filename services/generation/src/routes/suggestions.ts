import { type Request, type Response, Router } from 'express';
import { type ScenarioCategory, type ScenarioLanguage, scenarioCategories } from '@what-if/contracts';
import { sampleSuggestions, suggestions } from '../suggestions';

/** `GET /api/v1/scenarios/suggestions`: a few questions per category, in the language asked for. */
export function suggestionRoutes(): Router {
  const router = Router();
  router.get('/api/v1/scenarios/suggestions', (req: Request, res: Response) => {
    const language = (req.query['language'] as ScenarioLanguage | undefined) ?? 'en';
    const only = req.query['category'] as ScenarioCategory | undefined;
    const perCategory = Number(req.query['perCategory'] ?? 3);
    const categories = only ? [only] : scenarioCategories;
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({
      language,
      categories: categories.map((category) => ({
        category,
        questions: sampleSuggestions(suggestions[language][category], perCategory),
      })),
    });
  });
  return router;
}
