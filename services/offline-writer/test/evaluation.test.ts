import { evaluationSet } from '../src/evaluation/evaluation-set';
import { heldOutSet } from '../src/evaluation/held-out';
import { type Report, evaluate, formatReport } from '../src/evaluation/run';

/** The failures of hard checks, as a readable list, so a failing run says what broke. */
function hardFailures(report: Report): string[] {
  const hard = new Set(
    report.results.filter((result) => result.check.hard).map((result) => result.check.name),
  );
  return report.failures
    .filter((failure) => hard.has(failure.check))
    .map((failure) => `[${failure.check}] ${failure.question}: ${failure.detail}`);
}

describe('the scenario evaluation (make eval-scenarios)', () => {
  it('holds at least 80 questions, half English and half Vietnamese, of every kind the issue names', () => {
    expect(evaluationSet.length).toBeGreaterThanOrEqual(80);
    const vietnamese = evaluationSet.filter((testCase) =>
      /[ăâđêôơư]|^nếu|^chuyện|^còn|^rồi/i.test(testCase.question),
    );
    expect(Math.abs(vietnamese.length * 2 - evaluationSet.length)).toBeLessThanOrEqual(4);
    const kinds = new Set(evaluationSet.flatMap((testCase) => testCase.kinds));
    for (const kind of [
      'negation',
      'short event',
      'place',
      'invention',
      'person',
      'counterfactual date',
      'follow-up',
    ] as const) {
      expect(kinds).toContain(kind);
    }
  });

  it('passes every hard check on every scenario of the evaluation set', async () => {
    const report = await evaluate(evaluationSet);
    expect({ failures: hardFailures(report), table: formatReport('Evaluation set', report, 0) }).toEqual({
      failures: [],
      table: expect.any(String),
    });
    expect(report.passed).toBe(true);
  });

  it('does as well on held-out questions it was never tuned on', async () => {
    expect(heldOutSet.length).toBeGreaterThanOrEqual(40);
    const questions = new Set(evaluationSet.map((testCase) => testCase.question));
    expect(heldOutSet.filter((testCase) => questions.has(testCase.question))).toEqual([]);
    const report = await evaluate(heldOutSet);
    expect(hardFailures(report)).toEqual([]);
  });
});
