import type { Scenario, ScenarioContent, ScenarioLength, ScenarioTone } from '@what-if/contracts';
import { inferCategory } from '../reading/category';
import { detectLanguage } from '../reading/language';
import type { WriterRequest } from '../request';
import { type OfflineWriter, createOfflineWriter } from '../writer';
import type { EvalCase, Kind } from './cases';
import { type Check, type Trial, checks } from './checks';

/** Each question is written twice: plainly, and in a tone and length that rotate through the set. */
const tones: readonly ScenarioTone[] = ['serious', 'playful', 'dramatic', 'academic'];
const lengths: readonly ScenarioLength[] = ['short', 'standard', 'long'];

export interface Failure {
  question: string;
  options: string;
  check: string;
  detail: string;
}

export interface CheckResult {
  check: Check;
  passed: number;
  applicable: number;
}

export interface Report {
  scenarios: number;
  results: CheckResult[];
  byKind: { kind: Kind; passed: number; applicable: number }[];
  failures: Failure[];
  /** Every hard check passed on every scenario. */
  passed: boolean;
}

const never = new AbortController().signal;

/** What the evaluation runs: a writer and the category inference the generation service pairs with it. */
export interface Subject {
  writer: Pick<OfflineWriter, 'model' | 'version' | 'write'>;
  inferCategory: (question: string) => string;
}

const offlineWriter: Subject = { writer: createOfflineWriter(), inferCategory };

/** A scenario as the history service would hand it back, to continue from. */
function asStored(
  content: ScenarioContent,
  request: WriterRequest,
  id: string,
  writer: Subject['writer'],
): Scenario {
  return {
    ...content,
    id,
    question: request.question,
    category: request.category,
    tone: request.tone,
    length: request.length,
    language: request.language,
    provenance: { provider: 'local', model: writer.model, promptVersion: writer.version, cached: false },
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The request the generation service would make of the writer for this case. */
async function trialsOf(testCase: EvalCase, index: number, subject: Subject): Promise<Trial[]> {
  const { writer, inferCategory: categoryOf } = subject;
  const write = (request: WriterRequest): Promise<ScenarioContent> =>
    writer.write(request, never, () => undefined);
  const configurations = [
    { tone: 'serious' as const, length: 'standard' as const, seed: 'evaluation-a' },
    { tone: tones[index % tones.length]!, length: lengths[index % lengths.length]!, seed: 'evaluation-b' },
  ];
  const trials: Trial[] = [];
  for (const configuration of configurations) {
    let parent: Trial['parent'];
    let category = categoryOf(testCase.question);
    const language = testCase.language ?? detectLanguage(testCase.question);
    if (testCase.followUp) {
      const parentRequest: WriterRequest = {
        question: testCase.followUp.parent,
        category: categoryOf(testCase.followUp.parent) as WriterRequest['category'],
        tone: configuration.tone,
        length: configuration.length,
        language: detectLanguage(testCase.followUp.parent),
        seed: configuration.seed,
      };
      const parentContent = await write(parentRequest);
      const timelineIndex = Math.min(
        testCase.followUp.index ?? parentContent.timeline.length - 1,
        parentContent.timeline.length - 1,
      );
      parent = { scenario: asStored(parentContent, parentRequest, `parent-${index}`, writer), timelineIndex };
      // A continuation keeps its parent's category, as the generation service does.
      category = parentRequest.category;
    }
    const request: WriterRequest = {
      question: testCase.question,
      category: category as WriterRequest['category'],
      tone: configuration.tone,
      length: configuration.length,
      language,
      seed: configuration.seed,
      ...(parent ? { parent } : {}),
    };
    trials.push({
      testCase,
      category,
      language,
      content: await write(request),
      ...(parent ? { parent } : {}),
    });
  }
  return trials;
}

export async function evaluate(
  cases: readonly EvalCase[],
  subject: Subject = offlineWriter,
): Promise<Report> {
  const trials = (
    await Promise.all(cases.map((testCase, index) => trialsOf(testCase, index, subject)))
  ).flat();
  const results: CheckResult[] = checks.map((check) => ({ check, passed: 0, applicable: 0 }));
  const kinds = new Map<Kind, { passed: number; applicable: number }>();
  const failures: Failure[] = [];
  for (const trial of trials) {
    let allHardPassed = true;
    results.forEach((result) => {
      const verdict = result.check.run(trial);
      if (verdict === 'n/a') return;
      result.applicable += 1;
      if (verdict === undefined) {
        result.passed += 1;
        return;
      }
      if (result.check.hard) allHardPassed = false;
      failures.push({
        question:
          trial.testCase.question +
          (trial.testCase.language ? ` [answer in ${trial.testCase.language}]` : ''),
        options: `${trial.content.timeline.length} entries, ${trial.language}`,
        check: result.check.name,
        detail: verdict,
      });
    });
    for (const kind of trial.testCase.kinds) {
      const tally = kinds.get(kind) ?? { passed: 0, applicable: 0 };
      tally.applicable += 1;
      if (allHardPassed) tally.passed += 1;
      kinds.set(kind, tally);
    }
  }
  return {
    scenarios: trials.length,
    results,
    byKind: [...kinds.entries()].map(([kind, tally]) => ({ kind, ...tally })),
    failures,
    passed: results.every((result) => !result.check.hard || result.passed === result.applicable),
  };
}

const percent = (passed: number, applicable: number) =>
  applicable === 0 ? '   n/a' : `${((passed / applicable) * 100).toFixed(1).padStart(5)}%`;

/** The report as the tables `make eval-scenarios` prints. */
export function formatReport(title: string, report: Report, failuresShown = 20): string {
  const lines = [
    `${title}: ${report.scenarios} scenarios`,
    '',
    '| check | kind | passed | rate |',
    '|---|---|---|---|',
  ];
  for (const { check, passed, applicable } of report.results) {
    lines.push(
      `| ${check.name} | ${check.hard ? 'hard' : 'soft'} | ${passed}/${applicable} | ${percent(passed, applicable).trim()} |`,
    );
  }
  lines.push('', '| question kind | scenarios passing every hard check | rate |', '|---|---|---|');
  for (const { kind, passed, applicable } of report.byKind) {
    lines.push(`| ${kind} | ${passed}/${applicable} | ${percent(passed, applicable).trim()} |`);
  }
  const hardFailures = report.failures.filter(
    (failure) => checks.find((check) => check.name === failure.check)?.hard,
  );
  if (hardFailures.length > 0) {
    lines.push(
      '',
      `Hard failures (${hardFailures.length}, first ${Math.min(failuresShown, hardFailures.length)}):`,
    );
    for (const failure of hardFailures.slice(0, failuresShown)) {
      lines.push(`- [${failure.check}] ${failure.question} (${failure.options}): ${failure.detail}`);
    }
  }
  return lines.join('\n');
}
