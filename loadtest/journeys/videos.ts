/**
 * A writer asks for a narrated video of one of their scenarios: the API answers at once (202)
 * and a worker renders it from the queue; the writer then looks at its progress once. Each
 * account may request VIDEO_QUOTA_USER_PER_DAY videos a day: past it, the 429 is expected and
 * counted in `quota_refusals`. The render's cost lands on the video worker, which scales on its
 * queue, not on the API's CPU.
 */
import { check } from 'k6';
import { call, jsonBody } from '../lib/http.ts';
import { routes } from '../lib/routes.ts';
import { quotaRefusals } from './anonymous.ts';

interface Video {
  id: string;
  scenarioId: string;
  status: string;
  percent: number;
}

export function requestVideo(token: string, scenarioId: string): void {
  const requested = call(routes.videoRequest, {
    token,
    body: { scenarioId, length: 'short' },
    // A retry of the same request (a lost answer) must not make a second video.
    headers: { 'idempotency-key': `loadtest-${__VU}-${__ITER}-${scenarioId}` },
    expected: [202, 429],
  });
  if (requested.status === 429) {
    quotaRefusals.add(1, { route: routes.videoRequest.name });
    return;
  }
  const video = jsonBody<Video>(requested);
  check(
    requested,
    {
      'video-request: 202 with the job': (r) => r.status === 202 && video?.scenarioId === scenarioId,
    },
    { route: routes.videoRequest.name },
  );
  if (!video) return;
  const read = call(routes.videoRead, { token, params: { id: video.id } });
  const state = jsonBody<Video>(read);
  check(
    read,
    {
      'video-read: 200': (r) => r.status === 200,
      'video-read: its progress': () =>
        state?.id === video.id && ['queued', 'running', 'succeeded'].includes(state.status),
    },
    { route: routes.videoRead.name },
  );
}
