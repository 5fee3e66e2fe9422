/** The unified health the gateway serves at /health (services/gateway/openapi.yaml). */
export interface UnifiedHealth {
  status: 'ok' | 'unavailable';
  unavailable: string[];
  services: Record<string, { status: 'up' | 'down'; latencyMs: number; reason?: string }>;
}

/** What one GET returned: a status and body, or why there was none. */
export type Answer = { status: number; body: string } | { error: string };

export interface Observations {
  /** GET <test listener>/openapi.json: the new revision's own public endpoint. */
  contract: Answer;
  /** GET <test listener>/health: the system as the new revision sees it. */
  candidateHealth: Answer;
  /** GET <production>/health: the system as the revision in service sees it, when it answers. */
  productionHealth?: Answer;
}

export interface Verdict {
  healthy: boolean;
  /** What is wrong, each naming what was called and what came back. */
  problems: string[];
}

function describe(answer: Answer): string {
  return 'error' in answer ? answer.error : `${answer.status}`;
}

function json(answer: Answer): unknown {
  if ('error' in answer) return undefined;
  try {
    return JSON.parse(answer.body) as unknown;
  } catch {
    return undefined;
  }
}

/** A /health body, whether 200 (all ready) or 503 (someone is not); anything else is not one. */
export function unifiedHealth(answer: Answer | undefined): UnifiedHealth | undefined {
  if (!answer || 'error' in answer || (answer.status !== 200 && answer.status !== 503)) return undefined;
  const body = json(answer) as Partial<UnifiedHealth> | undefined;
  if (!body || !Array.isArray(body.unavailable) || typeof body.services !== 'object' || !body.services) {
    return undefined;
  }
  return body as UnifiedHealth;
}

/**
 * Whether the new gateway revision may take production traffic. It must answer through the test
 * listener, serve its contract, have its own stores ready, and reach every service the revision in
 * service reaches. A service that production cannot reach either is an outage elsewhere: it does
 * not hold the gateway back (a gateway fix may be what ends it).
 */
export function judge(observations: Observations): Verdict {
  const problems: string[] = [];
  const contract = json(observations.contract) as { openapi?: unknown; paths?: unknown } | undefined;
  if ('error' in observations.contract || observations.contract.status !== 200) {
    problems.push(`GET /openapi.json through the test listener answered ${describe(observations.contract)}`);
  } else if (typeof contract?.openapi !== 'string' || typeof contract.paths !== 'object') {
    problems.push('GET /openapi.json through the test listener did not return an OpenAPI document');
  }

  const candidate = unifiedHealth(observations.candidateHealth);
  if (!candidate) {
    problems.push(`GET /health through the test listener answered ${describe(observations.candidateHealth)}`);
    return { healthy: false, problems };
  }
  const own = candidate.services['gateway'];
  if (own?.status !== 'up') {
    problems.push(`the new gateway's own stores are not ready: ${own?.reason ?? 'no report'}`);
  }
  const production = unifiedHealth(observations.productionHealth);
  const downInProduction = new Set(production?.unavailable ?? []);
  for (const name of candidate.unavailable) {
    if (name === 'gateway' || downInProduction.has(name)) continue;
    const reason = candidate.services[name]?.reason ?? 'not ready';
    problems.push(
      production
        ? `the new gateway cannot reach ${name} (${reason}), which production reaches`
        : `the new gateway cannot reach ${name} (${reason})`,
    );
  }
  return { healthy: problems.length === 0, problems };
}
