import { type Request, type Response, Router } from 'express';
import {
  type Scenario,
  type ScenarioCategory,
  type ScenarioLanguage,
  type ScenarioLength,
  type ScenarioTone,
} from '@what-if/contracts';
import {
  HttpProblem,
  type Logger,
  type TokenVerifier,
  authenticate,
  openEventStream,
  principalOf,
  problemBody,
  toProblem,
  validationProblem,
} from '@what-if/kit';
import { detectLanguage, inferCategory } from '@what-if/offline-writer';
import type { History } from '../history';
import { ProviderError } from '../providers/provider-error';
import { validQuestion } from '../question';
import type { QuotaUsage, Quotas } from '../quota';
import type { ScenarioOrder, ScenarioWriter, WriterEvent } from '../scenario-writer';

/** The request body, as the contract (openapi.yaml) has already checked its shape. */
interface CreateScenarioBody {
  question: string;
  category?: ScenarioCategory;
  tone?: ScenarioTone;
  length?: ScenarioLength;
  language?: ScenarioLanguage;
  provider?: string;
  regenerate?: boolean;
  parentId?: string;
  timelineIndex?: number;
}

export interface ScenarioRouteOptions {
  writer: ScenarioWriter;
  quotas: Quotas;
  history: History;
  verifier: TokenVerifier;
  /** The providers this deployment runs, in order; a request may name only these. */
  providers: readonly string[];
  heartbeatMs: number;
  logger: Logger;
}

/** Every provider failed (the local one included): nothing the client could have done differently. */
function asProblem(error: unknown): HttpProblem {
  if (error instanceof ProviderError) {
    return new HttpProblem(503, 'No provider could write this scenario right now; try again shortly.', {
      type: 'generation-unavailable',
      cause: error,
    });
  }
  return toProblem(error);
}

/** The SSE event each writer event becomes, and its payload (the event name is the type). */
function streamEvent(event: WriterEvent): [string, unknown] {
  const { type, ...data } = event;
  return [type, data];
}

export function scenarioRoutes(options: ScenarioRouteOptions): Router {
  const { writer, quotas, history, logger } = options;
  const router = Router();

  /** Everything that can be refused before any work starts, so refusals keep their status codes. */
  async function prepare(req: Request, res: Response): Promise<ScenarioOrder & { usage: QuotaUsage }> {
    const body = req.body as CreateScenarioBody;
    const question = validQuestion(body.question);
    if (body.provider !== undefined && !options.providers.includes(body.provider)) {
      throw validationProblem([
        {
          path: '/body/provider',
          message: `${body.provider} is not enabled here; choose one of ${options.providers.join(', ')}`,
        },
      ]);
    }
    if ((body.parentId === undefined) !== (body.timelineIndex === undefined)) {
      throw validationProblem([
        {
          path: '/body/parentId',
          message: 'and timelineIndex go together: send both to continue a scenario',
        },
      ]);
    }
    const principal = principalOf(res);
    let parent: ScenarioOrder['parent'];
    if (body.parentId !== undefined && body.timelineIndex !== undefined) {
      if (!principal) {
        throw new HttpProblem(401, 'Sign in to continue a scenario from your history.', {
          type: 'unauthorized',
        });
      }
      const scenario: Scenario = await history.read(body.parentId, req.headers.authorization ?? '');
      if (body.timelineIndex >= scenario.timeline.length) {
        throw validationProblem([
          {
            path: '/body/timelineIndex',
            message: `is past the end: scenario ${scenario.id} has ${scenario.timeline.length} timeline entries (indexes 0 to ${scenario.timeline.length - 1})`,
          },
        ]);
      }
      parent = { scenario, timelineIndex: body.timelineIndex };
    }
    const language = body.language ?? detectLanguage(question);
    const usage = await quotas.consume(
      principal
        ? { kind: 'user', userId: principal.userId, roles: principal.roles }
        : { kind: 'anonymous', ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' },
    );
    return {
      usage,
      question,
      language,
      // A follow-up ("and then what?") belongs where its parent does.
      category: body.category ?? parent?.scenario.category ?? inferCategory(question),
      tone: body.tone ?? 'serious',
      length: body.length ?? 'standard',
      regenerate: body.regenerate ?? false,
      ...(body.provider ? { provider: body.provider } : {}),
      ...(parent ? { parent } : {}),
    };
  }

  /** A generation that failed on our side costs the caller no quota. */
  async function giveBack(usage: QuotaUsage, error: unknown): Promise<never> {
    const problem = asProblem(error);
    if (problem.status >= 500) await usage.release();
    throw problem;
  }

  /** Signed-in callers keep what they generate; anonymous scenarios are not stored. */
  async function keep(res: Response, scenario: Scenario): Promise<void> {
    const principal = principalOf(res);
    if (principal) await history.save(scenario, principal.userId);
  }

  router.post(
    '/api/v1/scenarios',
    authenticate({ verifier: options.verifier, logger, required: false }),
    async (req: Request, res: Response) => {
      const { usage, ...order } = await prepare(req, res);
      // A client that leaves (the gateway destroys its upstream request) stops the providers too.
      const cancel = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) cancel.abort(new Error('the client disconnected'));
      });

      if (req.accepts(['application/json', 'text/event-stream']) !== 'text/event-stream') {
        const scenario = await writer
          .write(order, cancel.signal, () => undefined)
          .catch((error: unknown) => {
            // Nobody is left to answer; the work stopped with the connection.
            if (cancel.signal.aborted) return undefined;
            return giveBack(usage, error);
          });
        if (!scenario || cancel.signal.aborted) {
          // A JSON caller that left (or that the gateway gave up on) received nothing: nothing is
          // saved and it costs no quota.
          logger.info({ reason: 'client disconnected' }, 'generation cancelled');
          await usage.release();
          return;
        }
        await keep(res, scenario).catch((error: unknown) => giveBack(usage, error));
        if (principalOf(res)) res.setHeader('Location', `/api/v1/scenarios/${scenario.id}`);
        res.status(201).json(scenario);
        return;
      }

      const stream = openEventStream(res, options.heartbeatMs);
      // A stream that left after some of the scenario reached it keeps its cost: otherwise
      // leaving just before `done` would be free generation.
      let delivered = false;
      const abandoned = async () => {
        logger.info({ reason: 'client disconnected', delivered }, 'generation cancelled');
        if (!delivered) await usage.release();
      };
      try {
        const scenario = await writer.write(order, cancel.signal, (event) => {
          if (event.type !== 'meta') delivered = true;
          stream.send(...streamEvent(event));
        });
        if (cancel.signal.aborted) {
          await abandoned();
          return;
        }
        await keep(res, scenario);
        stream.send('done', scenario);
      } catch (error) {
        if (cancel.signal.aborted) {
          await abandoned();
          return;
        }
        const problem = asProblem(error);
        if (problem.status >= 500) {
          logger.error({ err: error }, 'generation failed');
          await usage.release();
        }
        stream.send('error', problemBody(req, problem));
      } finally {
        stream.end();
      }
    },
  );
  return router;
}
