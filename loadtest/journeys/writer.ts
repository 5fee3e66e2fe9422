/**
 * A signed-in writer: signs in once per VU (the token is kept until it nears expiry), then
 * each visit now and then writes a scenario of their own, streamed as the web app shows it,
 * browses their history, searches it and opens one, and now and then shares it or asks for
 * its video. Their own questions are new, so these generations miss the cache and are
 * written. Past the daily quota (QUOTA_USER_PER_DAY) the 429 is expected and counted in
 * `quota_refusals`.
 */
import { check, group } from 'k6';
import { Trend } from 'k6/metrics';
import type { Account } from '../lib/accounts.ts';
import { tokenFor } from '../lib/accounts.ts';
import { call, jsonBody } from '../lib/http.ts';
import { chance, pick, think } from '../lib/pacing.ts';
import { routes } from '../lib/routes.ts';
import { quotaRefusals } from './anonymous.ts';
import { shareScenario } from './shares.ts';
import { requestVideo } from './videos.ts';

/** Time from sending the request to the first byte of the stream (the `meta` event). */
export const timeToFirstEvent = new Trend('time_to_first_event', true);

/** How often each optional step happens; the capacity model reads the same numbers. */
export const writerOdds = { generate: 0.25, search: 0.4, read: 0.6, share: 0.15, video: 0.05 };

const subjects = ['the Library of Alexandria', 'the Silk Road', 'the steam engine', 'the Mongol fleet'];
const turns = ['had never burned', 'had reached the Americas', 'had been invented in 1200', 'had won'];
const searchWords = ['library', 'empire', 'steam', 'rome'];

interface Summary {
  id: string;
  title: string;
}

/** The events of a server-sent event stream, in order: [event name, parsed data]. */
export function streamEvents(body: string): [string, unknown][] {
  return body
    .split(/\n\n/)
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      if (!event) return undefined;
      try {
        return [event, JSON.parse(data)] as [string, unknown];
      } catch {
        return [event, undefined] as [string, unknown];
      }
    })
    .filter((entry): entry is [string, unknown] => entry !== undefined);
}

function writeScenario(token: string): void {
  const question = `What if ${pick(subjects)} ${pick(turns)}? (${__VU}-${__ITER}-${Date.now()})`;
  const response = call(routes.generateStreamed, {
    token,
    body: { question, tone: pick(['serious', 'dramatic', 'playful', 'academic']) },
    headers: { accept: 'text/event-stream' },
    expected: [200, 429],
    timeout: '120s',
  });
  if (response.status === 429) {
    quotaRefusals.add(1, { route: routes.generateStreamed.name });
    return;
  }
  timeToFirstEvent.add(response.timings.waiting, { route: routes.generateStreamed.name });
  const events = streamEvents(response.body ?? '');
  const names = events.map(([name]) => name);
  check(
    response,
    {
      'generate-streamed: 200 text/event-stream': (r) =>
        r.status === 200 && (r.headers['Content-Type'] ?? '').startsWith('text/event-stream'),
      'generate-streamed: meta first, done last': () =>
        names[0] === 'meta' && names[names.length - 1] === 'done',
      'generate-streamed: no error event': () => !names.includes('error'),
    },
    { route: routes.generateStreamed.name },
  );
}

export function signedInWriter(data: { accounts: Account[] }): void {
  const token = tokenFor(data.accounts);
  group('signed-in writer', () => {
    if (chance(writerOdds.generate)) {
      writeScenario(token);
      think(10);
    }

    const list = call(routes.historyList, { token, query: { limit: 20 } });
    const page = jsonBody<{ items: Summary[] }>(list);
    check(
      list,
      {
        'history-list: 200': (r) => r.status === 200,
        'history-list: a page of items': () => Array.isArray(page?.items),
      },
      { route: routes.historyList.name },
    );
    think(5);

    if (chance(writerOdds.search)) {
      const word = pick(searchWords)!;
      const found = call(routes.historySearch, { token, query: { q: word, limit: 20 } });
      const results = jsonBody<{ items: Summary[] }>(found);
      check(
        found,
        {
          'history-search: 200': (r) => r.status === 200,
          'history-search: a page of items': () => Array.isArray(results?.items),
        },
        { route: routes.historySearch.name },
      );
      think(5);
    }

    const chosen = pick(page?.items ?? []);
    if (chosen && chance(writerOdds.read)) {
      const read = call(routes.historyRead, { token, params: { id: chosen.id } });
      const scenario = jsonBody<{ id: string; timeline: unknown[] }>(read);
      check(
        read,
        {
          'history-read: 200': (r) => r.status === 200,
          'history-read: the scenario asked for, whole': () =>
            scenario?.id === chosen.id && scenario.timeline.length > 0,
        },
        { route: routes.historyRead.name },
      );
      think(30);

      if (chance(writerOdds.share)) {
        shareScenario(token, chosen.id);
        think(5);
      }
      if (chance(writerOdds.video)) {
        requestVideo(token, chosen.id);
        think(5);
      }
    }
  });
}
