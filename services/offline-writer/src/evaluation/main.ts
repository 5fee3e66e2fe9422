/**
 * `make eval-scenarios`: writes every question of the evaluation set (and the held-out set)
 * with the offline writer, runs the automatic checks and prints a pass-rate table per check.
 * Exits 1 when a hard check is below 100 %.
 */
import { evaluationSet } from './evaluation-set';
import { heldOutSet } from './held-out';
import { evaluate, formatReport } from './run';

async function main(): Promise<void> {
  const evaluation = await evaluate(evaluationSet);
  const heldOut = await evaluate(heldOutSet);
  process.stdout.write(
    `${formatReport('Evaluation set', evaluation)}\n\n${formatReport('Held-out set', heldOut)}\n`,
  );
  if (!evaluation.passed || !heldOut.passed) {
    process.stderr.write('\nA hard check is below 100 %: see the failures above.\n');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
