import { scenarioContentSchema } from '@what-if/contracts';
import { PROMPT_VERSION, buildPrompt } from '../src/providers/prompt';
import { repairScenarioContent } from '../src/providers/scenario-repair';
import { generationRequest } from './support/generation-request';
import { sampleContent } from './support/sample-content';

describe('the remote prompt', () => {
  it('asks for the answer in the requested language, whatever the question’s', () => {
    const prompt = buildPrompt({
      ...generationRequest('What if the Roman Empire never fell?'),
      language: 'vi',
    });
    expect(prompt.system).toContain('Write every field in Vietnamese');
    expect(prompt.user).toContain('Question: What if the Roman Empire never fell?');
  });

  it('asks for the question’s polarity, a point of divergence, a causal chain on a clock that fits, and consequences across domains', () => {
    const { system } = buildPrompt(generationRequest());
    expect(system).toMatch(/did not happen, stopped, was lost or never existed/);
    expect(system).toContain('the point of divergence');
    expect(system).toContain('causal chain');
    expect(system).toMatch(/hours and days for something that lasts a day/);
    expect(system).toMatch(/centuries for an empire/);
    expect(system).toContain('politics, technology, culture and dailyLife');
    expect(system).toContain('"timeline"');
  });

  it('gives a continuation its parent, the entry it branches from, and the rule that time moves forward', () => {
    const parent = {
      ...sampleContent('the Roman Empire never fell'),
      id: 'parent-1',
      question: 'What if the Roman Empire never fell?',
      category: 'history' as const,
      tone: 'serious' as const,
      length: 'standard' as const,
      language: 'en' as const,
      provenance: { provider: 'local', model: 'm', promptVersion: 'p', cached: false },
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const branch = parent.timeline[2]!;
    const { user } = buildPrompt({
      ...generationRequest('And then what happened to the Senate?'),
      parent: { scenario: parent, timelineIndex: 2 },
    });
    expect(user).toContain('Question: And then what happened to the Senate?');
    expect(user).toContain(`Branch from the entry "${branch.when}: ${branch.event}"`);
    expect(user).toContain(`every timeline entry comes after ${branch.when}`);
    expect(user).toContain('Do not repeat the earlier timeline');
  });

  it('tells a retry what was wrong with the previous answer', () => {
    const { user } = buildPrompt({
      ...generationRequest(),
      repair: 'timeline Too small: expected array to have >=5 items',
    });
    expect(user).toContain('Your previous answer did not fit the schema: timeline Too small');
  });

  it('is versioned, so a changed prompt never serves answers cached under the old one', () => {
    expect(PROMPT_VERSION).toMatch(/^remote-\d{4}-\d{2}-\d+$/);
  });
});

describe('repairing a model’s output', () => {
  const valid = sampleContent('the Roman Empire never fell');

  it('leaves a valid scenario as it is', () => {
    expect(scenarioContentSchema.parse(repairScenarioContent(valid))).toEqual(valid);
  });

  it('fixes the small deviations models make', () => {
    const { keyFigures, ...withoutFigures } = valid;
    const sloppy = {
      scenario: {
        ...withoutFigures,
        title: `${valid.title} ${'and everything after '.repeat(12)}`,
        timeline: [...valid.timeline, ...valid.timeline].map(({ when, event }) => ({
          date: when,
          description: event,
        })),
        plausibility: { score: '7.6', assumptions: 'Only one thing changes.' },
        tags: 'Rome, #Empire, ROME',
        key_figures: keyFigures,
        consequences: {
          ...valid.consequences,
          byDomain: { Politics: 'Senators argue.', daily_life: 'Bread is cheap.' },
        },
      },
    };
    const repaired = scenarioContentSchema.parse(repairScenarioContent(sloppy));
    expect(repaired.title.length).toBeLessThanOrEqual(140);
    expect(repaired.title.endsWith('…')).toBe(true);
    expect(repaired.timeline).toHaveLength(8);
    expect(repaired.timeline.at(-1)).toEqual(valid.timeline.at(-1));
    expect(repaired.plausibility).toEqual({ score: 8, assumptions: ['Only one thing changes.'] });
    expect(repaired.tags).toEqual(['rome', 'empire']);
    expect(repaired.keyFigures).toEqual(valid.keyFigures);
    expect(repaired.consequences.byDomain).toEqual({
      politics: 'Senators argue.',
      dailyLife: 'Bread is cheap.',
    });
  });

  it('invents nothing: what is missing stays missing, for the retry to ask for', () => {
    const { narration: _narration, timeline: _timeline, ...partial } = valid;
    expect(scenarioContentSchema.safeParse(repairScenarioContent(partial)).success).toBe(false);
  });
});
