import type { ScenarioContent } from '@what-if/contracts';
import type { GenerationRequest, ProviderEvent, ScenarioProvider } from '../../src/providers/provider';
import { ProviderError } from '../../src/providers/provider-error';
import { sampleContent } from './sample-content';

/** A provider that records the requests it got, for assertions. */
export interface TestProvider extends ScenarioProvider {
  calls: GenerationRequest[];
}

/**
 * ok: a valid scenario; fail: a transport error; invalid: output the schema refuses; sloppy: a
 * scenario with the small deviations models make (a score as text, tags in capitals, a title
 * too long); rate_limited: a 429 asking for a minute's pause.
 */
export type Step = 'ok' | 'fail' | 'invalid' | 'sloppy' | 'rate_limited';

/**
 * Writes the sample scenario about the question, reporting each part as a section the
 * way the embedded provider does; `steps` scripts failures (the last step repeats).
 */
export function testProvider(name: string, steps: Step[] = ['ok']): TestProvider & { steps: Step[] } {
  const calls: GenerationRequest[] = [];
  const script = { steps: [...steps] };
  return {
    name,
    model: `${name}-model`,
    calls,
    get steps() {
      return script.steps;
    },
    set steps(next: Step[]) {
      script.steps = [...next];
    },
    async generate(
      request: GenerationRequest,
      _signal: AbortSignal,
      onEvent: (event: ProviderEvent) => void,
    ) {
      calls.push(request);
      const step = script.steps.length > 1 ? script.steps.shift()! : script.steps[0]!;
      if (step === 'fail') throw new Error(`${name} is down`);
      if (step === 'rate_limited') {
        throw new ProviderError(name, 'rate_limited', 'rate limited (429)', { retryAfterMs: 60_000 });
      }
      const content = sampleContent(request.question.replace(/^what if /i, '').replace(/\?$/, ''));
      if (step === 'invalid') return { ...content, timeline: [] } as ScenarioContent;
      if (step === 'sloppy') {
        return {
          ...content,
          title: `${content.title} ${'and what followed '.repeat(10)}`,
          plausibility: { ...content.plausibility, score: '7' },
          tags: content.tags.map((tag) => tag.toUpperCase()),
        } as unknown as ScenarioContent;
      }
      for (const [section, value] of Object.entries(content)) {
        onEvent({ type: 'section', name: section as keyof ScenarioContent, value });
      }
      return content;
    },
  };
}

/** Writes one delta, then waits until its signal aborts; `aborted` resolves when it has. */
export function stallingProvider(
  name: string,
): TestProvider & { started: Promise<void>; aborted: Promise<void> } {
  const calls: GenerationRequest[] = [];
  let markStarted: () => void = () => undefined;
  let markAborted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const aborted = new Promise<void>((resolve) => (markAborted = resolve));
  return {
    name,
    model: `${name}-model`,
    calls,
    started,
    aborted,
    generate(request, signal, onEvent) {
      calls.push(request);
      onEvent({ type: 'delta', text: '{"title": "' });
      markStarted();
      return new Promise<ScenarioContent>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          markAborted();
          reject(signal.reason as Error);
        });
      });
    },
  };
}
