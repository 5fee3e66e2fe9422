'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { apiResponse } from '@/api/client';
import { readEventStream } from '@/api/event-stream';
import { ApiProblem, networkProblem } from '@/api/problem';
import type {
  Problem,
  Scenario,
  ScenarioContent,
  ScenarioRequest,
  SectionName,
  StreamMeta,
} from '@/api/types';

export type StreamPhase = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

export interface StreamState {
  phase: StreamPhase;
  request?: ScenarioRequest;
  meta?: StreamMeta;
  /** Sections written so far, in the order they arrived. */
  sections: Partial<ScenarioContent>;
  /** Characters of raw model output so far (remote providers stream text, not sections). */
  receivedCharacters: number;
  /** Times a provider started over; what it wrote before is discarded. */
  restarts: number;
  scenario?: Scenario;
  error?: unknown;
}

export interface StreamCallbacks {
  onMeta?: (meta: StreamMeta) => void;
  onSection?: (name: SectionName) => void;
  onRestart?: (provider: string) => void;
  onDone?: (scenario: Scenario) => void;
}

const idle: StreamState = { phase: 'idle', sections: {}, receivedCharacters: 0, restarts: 0 };

/** Marks for "time to first streamed text as the person sees it", read by the e2e run. */
export const askMark = 'whatif:ask';
export const firstTextMeasure = 'whatif:first-text';

/**
 * Writes a scenario as a stream of server-sent events (POST, so fetch rather than
 * EventSource): meta, then sections (or raw deltas), possibly a restart, then done or error.
 * `stop` aborts the request, which cancels the work on the server; nothing is saved.
 */
export function useScenarioStream(callbacks: StreamCallbacks = {}) {
  const [state, setState] = useState<StreamState>(idle);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (request: ScenarioRequest) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ ...idle, phase: 'streaming', request });
    performance.clearMarks(askMark);
    performance.clearMeasures(firstTextMeasure);
    performance.mark(askMark);
    let firstText = true;
    const sawText = () => {
      if (!firstText) return;
      firstText = false;
      // Measured once the text is painted, as the person sees it.
      requestAnimationFrame(() => performance.measure(firstTextMeasure, askMark));
    };
    const finish = (update: Partial<StreamState>) => {
      if (controller.current === abort) setState((current) => ({ ...current, ...update }));
    };
    try {
      const response = await apiResponse('/api/v1/scenarios', {
        method: 'POST',
        body: request,
        accept: 'text/event-stream',
        signal: abort.signal,
      });
      if (!response.body) throw networkProblem();
      for await (const { event, data } of readEventStream(response.body)) {
        if (abort.signal.aborted) return;
        const payload = JSON.parse(data) as unknown;
        switch (event) {
          case 'meta':
            setState((current) => ({ ...current, meta: payload as StreamMeta }));
            latest.current.onMeta?.(payload as StreamMeta);
            break;
          case 'section': {
            const { name, value } = payload as { name: SectionName; value: unknown };
            setState((current) => ({ ...current, sections: { ...current.sections, [name]: value } }));
            sawText();
            latest.current.onSection?.(name);
            break;
          }
          case 'delta': {
            const { text } = payload as { text: string };
            setState((current) => ({
              ...current,
              receivedCharacters: current.receivedCharacters + text.length,
            }));
            sawText();
            break;
          }
          case 'restart': {
            const { provider } = payload as { provider: string };
            setState((current) => ({
              ...current,
              sections: {},
              receivedCharacters: 0,
              restarts: current.restarts + 1,
            }));
            latest.current.onRestart?.(provider);
            break;
          }
          case 'done': {
            const scenario = payload as Scenario;
            finish({ phase: 'done', scenario, sections: scenario });
            latest.current.onDone?.(scenario);
            return;
          }
          case 'error':
            finish({ phase: 'failed', error: new ApiProblem(payload as Problem) });
            return;
          default:
            break;
        }
      }
      finish({ phase: 'failed', error: networkProblem() });
    } catch (error) {
      if (abort.signal.aborted) return;
      finish({ phase: 'failed', error });
    }
  }, []);

  const stop = useCallback(() => {
    const running = controller.current;
    if (!running) return;
    running.abort();
    controller.current = null;
    setState((current) => (current.phase === 'streaming' ? { ...current, phase: 'stopped' } : current));
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState(idle);
  }, []);

  return { state, start, stop, reset };
}
