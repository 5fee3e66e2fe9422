// make mutation: Stryker, one group at a time, on the groups whose files or tests changed since
// their committed incremental report; then every listed file against the threshold.
//
//   node mutation/run.mjs [group...]    run these groups (default: all), incrementally
//   node mutation/run.mjs --full        rerun every mutant (Stryker's --force), rewriting the reports
//   node mutation/run.mjs --check       only read the committed reports; run nothing
//   node mutation/run.mjs --retest-timeouts [group...]
//                                       test the mutants the reports record as timeouts again
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { groups, threshold } from './groups.mjs';

const args = process.argv.slice(2);
const full = args.includes('--full');
const checkOnly = args.includes('--check');
const retestTimeouts = args.includes('--retest-timeouts');
const named = args.filter((arg) => !arg.startsWith('--'));
for (const name of named) {
  if (!groups[name]) fail(`no mutation group '${name}'; the groups are: ${Object.keys(groups).join(', ')}`);
}
const selected = named.length > 0 ? named : Object.keys(groups);

const reportPath = (name) => `mutation/incremental/${name}.json`;
const equivalents = JSON.parse(readFileSync('mutation/equivalent-mutants.json', 'utf8'));

function fail(message) {
  process.stderr.write(`make mutation: ${message}\n`);
  process.exit(1);
}

/**
 * Why a group's report no longer describes the code, or undefined when it still does. Stryker's
 * incremental mode reuses a mutant's result while its file and the tests covering it are unchanged;
 * when no listed file and no listed test changed, every result would be reused, so Stryker (whose
 * start-up and first test run take minutes) is not started at all.
 */
function staleness(name) {
  const group = groups[name];
  if (!existsSync(reportPath(name))) return 'no report yet';
  const report = JSON.parse(readFileSync(reportPath(name), 'utf8'));
  // A report may also remember files and tests a group no longer lists (Stryker keeps them); they do not count.
  const recorded = { ...report.files, ...report.testFiles };
  for (const file of [...group.mutate, ...group.tests]) {
    if (!recorded[file]) return `${file} is not in the report yet`;
    if (!existsSync(file) || readFileSync(file, 'utf8') !== recorded[file].source) return `${file} changed`;
  }
  return undefined;
}

/**
 * Stryker records no per-test coverage for a static mutant (one reached while a module loads, such
 * as a constant list), so its incremental mode reuses a surviving static mutant even when tests
 * were added that would kill it. Dropping those results from the report makes Stryker test them
 * again, against every test of the group.
 */
function forgetStaticSurvivors(name) {
  if (!existsSync(reportPath(name))) return;
  const report = JSON.parse(readFileSync(reportPath(name), 'utf8'));
  let forgotten = 0;
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter(
      (mutant) => !(mutant.static && (mutant.status === 'Survived' || mutant.status === 'NoCoverage')),
    );
    forgotten += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  if (forgotten === 0) return;
  writeFileSync(reportPath(name), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`mutation: ${name}: testing ${forgotten} surviving static mutant(s) again\n`);
}

/**
 * A timeout counts as a kill, and Stryker's incremental mode reuses it while the mutant and its
 * tests are unchanged. A run on a busy machine can record timeouts that were only the load (a test
 * runner restarted after one timeout starts cold and times out again), so a result that decides a
 * file's score can be tested again on a quieter machine, with the same tests.
 */
function forgetTimeouts(name) {
  if (!existsSync(reportPath(name))) return;
  const report = JSON.parse(readFileSync(reportPath(name), 'utf8'));
  let forgotten = 0;
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter((mutant) => mutant.status !== 'Timeout');
    forgotten += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  if (forgotten === 0) return;
  writeFileSync(reportPath(name), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`mutation: ${name}: testing ${forgotten} timed-out mutant(s) again\n`);
}

function runStryker(name) {
  if (!full) forgetStaticSurvivors(name);
  if (!full && retestTimeouts) forgetTimeouts(name);
  const started = Date.now();
  const result = spawnSync(
    'npx',
    ['--no-install', 'stryker', 'run', 'mutation/stryker.config.mjs', ...(full ? ['--force'] : [])],
    { stdio: 'inherit', env: { ...process.env, MUTATION_GROUP: name } },
  );
  if (result.status !== 0)
    fail(`Stryker failed on the ${name} group (exit ${result.status ?? result.signal})`);
  process.stdout.write(`mutation: ${name} took ${Math.round((Date.now() - started) / 1000)} s\n`);
}

const lineOf = (source, mutant) => source.split('\n')[mutant.location.start.line - 1]?.trim() ?? '';

/** An entry of equivalent-mutants.json names a mutant by file, mutator, replacement and its line's code. */
function equivalentEntryOf(file, source, mutant) {
  return equivalents.findIndex(
    (entry) =>
      entry.file === file &&
      entry.mutator === mutant.mutatorName &&
      entry.replacement === mutant.replacement &&
      entry.line === lineOf(source, mutant),
  );
}

if (!checkOnly) {
  for (const name of selected) {
    const reason = full
      ? 'a full run was asked for'
      : (staleness(name) ?? (retestTimeouts ? 'its timeouts are to be tested again' : undefined));
    if (reason) {
      process.stdout.write(`mutation: ${name}: ${reason}; running Stryker\n`);
      runStryker(name);
    } else {
      process.stdout.write(`mutation: ${name}: files and tests unchanged since its report; nothing to run\n`);
    }
  }
}

const rows = [];
const below = [];
const usedEquivalents = new Set();
for (const name of selected) {
  const reason = staleness(name);
  if (reason) fail(`the ${name} report is out of date (${reason}); run make mutation`);
  const report = JSON.parse(readFileSync(reportPath(name), 'utf8'));
  for (const file of groups[name].mutate) {
    const { source, mutants } = report.files[file];
    const count = { detected: 0, survived: 0, noCoverage: 0, equivalent: 0, compileErrors: 0 };
    for (const mutant of mutants) {
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') count.detected += 1;
      else if (mutant.status === 'CompileError') count.compileErrors += 1;
      else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        const entry = equivalentEntryOf(file, source, mutant);
        if (entry >= 0) {
          count.equivalent += 1;
          usedEquivalents.add(entry);
        } else if (mutant.status === 'Survived') count.survived += 1;
        else count.noCoverage += 1;
      }
    }
    const valid = count.detected + count.survived + count.noCoverage;
    const score = valid === 0 ? 100 : (100 * count.detected) / valid;
    rows.push({ file, ...count, score });
    if (score < threshold) below.push(file);
  }
}

const header = ['file', 'killed+timeout', 'survived', 'no coverage', 'equivalent', 'score'];
const table = [
  header,
  ...rows.map((row) => [
    row.file,
    row.detected,
    row.survived,
    row.noCoverage,
    row.equivalent,
    `${row.score.toFixed(1)} %`,
  ]),
].map((cells) => cells.map(String));
const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
for (const cells of table) {
  process.stdout.write(`${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
}

const selectedFiles = new Set(selected.flatMap((name) => groups[name].mutate));
const stale = equivalents.filter(
  (entry, index) => selectedFiles.has(entry.file) && !usedEquivalents.has(index),
);
for (const entry of stale) {
  process.stderr.write(
    `make mutation: listed as equivalent but no such surviving mutant: ${JSON.stringify(entry)}\n`,
  );
}
if (below.length > 0) fail(`below ${threshold} %: ${below.join(', ')}`);
if (stale.length > 0) fail('remove the stale entries from mutation/equivalent-mutants.json');
process.stdout.write(`mutation: every listed file is at or above ${threshold} %\n`);
