import type { Problem } from './types';

/** An API answer that was not a success, with its problem details. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    /** Seconds, from Retry-After on a 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The last segment of the problem type: "email-taken", "quota-exceeded". */
  get kind(): string {
    return this.problem.type.split('/').pop() ?? 'about:blank';
  }
}

/** Reads a failed response as problem details, whatever it carried. */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  let problem: Problem = { type: 'about:blank', status: response.status };
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = { ...problem, ...((await response.json()) as Partial<Problem>), status: response.status };
    } catch {
      // A body that is not JSON leaves the status to speak.
    }
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiProblem(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** A request that never got an answer (offline, the gateway down). */
export function networkProblem(): ApiProblem {
  return new ApiProblem({ type: '/problems/network', status: 0 });
}
