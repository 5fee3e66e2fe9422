import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * runbooks/disaster-recovery.md is the one place the recovery commands are written. Every
 * shell block in it is marked, on the line before its fence, either
 *   <!-- drill: <step> -->                    the drill runs this very block (locally), or
 *   <!-- aws-only; locally: <what instead> --> a production command, with what stands in for it locally.
 */

export type RunbookBlock =
  | { kind: 'drill'; step: string; code: string; line: number }
  | { kind: 'aws-only'; locally: string; code: string; line: number }
  | { kind: 'unmarked'; marker: string; code: string; line: number };

export const disasterRecoveryRunbook = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'runbooks',
  'disaster-recovery.md',
);

const drillMarker = /^<!--\s*drill:\s*([a-z0-9-]+)\s*-->$/;
const awsOnlyMarker = /^<!--\s*aws-only;\s*locally:\s*(.+?)\s*-->$/;

export function runbookBlocks(markdown: string): RunbookBlock[] {
  const lines = markdown.split('\n');
  const blocks: RunbookBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^(\s*)```(\S*)\s*$/.exec(lines[index]!);
    if (!fence) continue;
    const start = index;
    let end = index + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end += 1;
    index = end;
    if (!['sh', 'bash', 'shell', 'console'].includes(fence[2]!)) continue;
    const indent = fence[1]!.length;
    const code = lines
      .slice(start + 1, end)
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .join('\n');
    let previous = start - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous -= 1;
    const marker = previous >= 0 ? lines[previous]!.trim() : '';
    const drill = drillMarker.exec(marker);
    const awsOnly = awsOnlyMarker.exec(marker);
    if (drill) blocks.push({ kind: 'drill', step: drill[1]!, code, line: start + 1 });
    else if (awsOnly) blocks.push({ kind: 'aws-only', locally: awsOnly[1]!, code, line: start + 1 });
    else blocks.push({ kind: 'unmarked', marker, code, line: start + 1 });
  }
  return blocks;
}

export function readRunbook(file = disasterRecoveryRunbook): RunbookBlock[] {
  return runbookBlocks(readFileSync(file, 'utf8'));
}

/** The drill's block for a step; there must be exactly one. */
export function drillBlock(blocks: readonly RunbookBlock[], step: string): string {
  const found = blocks.filter((block) => block.kind === 'drill' && block.step === step);
  if (found.length !== 1) {
    throw new Error(
      `runbooks/disaster-recovery.md has ${found.length} blocks marked <!-- drill: ${step} -->; the drill needs exactly one`,
    );
  }
  return found[0]!.code;
}

export interface RecoveryTargets {
  store: string;
  rpoSeconds: number;
  rtoSeconds: number;
}

const units: Record<string, number> = { s: 1, min: 60, h: 3600 };

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|min|h)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration such as 30 s, 5 min or 2 h`);
  return Number(match[1]) * units[match[2]!]!;
}

/**
 * The rows of the table after `<!-- <marker> -->`: store, RPO, RTO (and anything after, the why).
 * The drill fails when what it measures is over the `drill-targets` table.
 */
export function recoveryTargets(markdown: string, marker: string): RecoveryTargets[] {
  const lines = markdown.split('\n');
  const at = lines.findIndex((line) => line.trim() === `<!-- ${marker} -->`);
  if (at < 0) throw new Error(`runbooks/disaster-recovery.md has no <!-- ${marker} --> table`);
  const rows: RecoveryTargets[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') {
      if (rows.length > 0) break;
      continue;
    }
    if (!line.trim().startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.length < 3 || /^-+$/.test(cells[0]!.replace(/:/g, '')) || cells[0] === 'store') continue;
    rows.push({
      store: cells[0]!,
      rpoSeconds: parseDuration(cells[1]!),
      rtoSeconds: parseDuration(cells[2]!),
    });
  }
  if (rows.length === 0) throw new Error(`the <!-- ${marker} --> table has no rows`);
  return rows;
}
