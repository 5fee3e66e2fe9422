'use client';

import { useEffect, useRef, useState } from 'react';
import { apiResponse } from '@/api/client';
import { readEventStream } from '@/api/event-stream';
import { ApiProblem } from '@/api/problem';
import type { Video, VideoProgress } from '@/api/types';

export type VideoFollow =
  | { kind: 'progress'; progress: VideoProgress }
  | { kind: 'done'; video: Video }
  | { kind: 'deleted' }
  /** The video ended, but the share it was made from no longer shows its scenario. */
  | { kind: 'withdrawn'; reason: string };

/**
 * Follows a video's progress over server-sent events while `active` (fetch rather than
 * EventSource, which cannot send the access token). Calls back with each event; the stream
 * ends with `done`, `deleted` or `withdrawn`; a connection lost before that is reported.
 */
export function useVideoProgress(id: string | null, active: boolean, onEvent: (event: VideoFollow) => void) {
  const [connectionLost, setConnectionLost] = useState(false);
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    if (!id || !active) return;
    const abort = new AbortController();
    let finished = false;
    void (async () => {
      try {
        const response = await apiResponse(`/api/v1/videos/${encodeURIComponent(id)}/events`, {
          accept: 'text/event-stream',
          signal: abort.signal,
        });
        if (!response.body) return;
        setConnectionLost(false);
        for await (const event of readEventStream(response.body)) {
          if (event.event === 'progress')
            latest.current({ kind: 'progress', progress: JSON.parse(event.data) as VideoProgress });
          else if (event.event === 'done') {
            finished = true;
            latest.current({ kind: 'done', video: JSON.parse(event.data) as Video });
          } else if (event.event === 'deleted') {
            finished = true;
            latest.current({ kind: 'deleted' });
          } else if (event.event === 'withdrawn') {
            finished = true;
            const { reason } = JSON.parse(event.data) as { reason: string };
            latest.current({ kind: 'withdrawn', reason });
          }
        }
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
        // Withdrawn between the page's read and the stream's opening: the stream answers 410.
        if (error instanceof ApiProblem && error.kind === 'video-withdrawn') {
          latest.current({ kind: 'withdrawn', reason: error.problem.reason ?? '' });
          return;
        }
        setConnectionLost(true);
      }
      if (!finished && !abort.signal.aborted) setConnectionLost(true);
    })();
    return () => abort.abort();
  }, [id, active]);
  return { connectionLost };
}
