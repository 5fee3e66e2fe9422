/**
 * Where a process spent its CPU, from the V8 profile `node --cpu-prof` writes: self time per
 * package (a dependency under node_modules, one of our packages, Node's own internals), then
 * per function. The profile itself opens as a flame graph in Chrome's DevTools or speedscope.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Who owns the code at `url`: a dependency, one of our packages, Node itself, or V8 (no url). */
export function ownerOf(url: string): string {
  if (url === '') return '(native: socket and file writes, GC, V8)';
  // The innermost node_modules names the package (a dependency's own dependencies nest).
  const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  if (url.startsWith('node:')) return 'node (its own modules)';
  const ours = /\/(services|tools)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

export interface SelfTime {
  name: string;
  share: number;
}

/** Self time by owner and by function, each as a share of the busy samples, largest first. */
export function selfTimes(profile: CpuProfile): {
  owners: SelfTime[];
  functions: SelfTime[];
  seconds: number;
} {
  const hits = new Map<number, number>();
  // (idle) is the process waiting: no work of anyone's, so not part of the busy time shared out.
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== '(idle)') hits.set(node.id, node.hitCount ?? 0);
  }
  const total = [...hits.values()].reduce((sum, value) => sum + value, 0) || 1;
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + count);
    const place = url ? ` ${owner}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${place}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  }
  const sorted = (entries: Map<string, number>) =>
    [...entries.entries()]
      .map(([name, count]) => ({ name, share: count / total }))
      .sort((a, b) => b.share - a.share);
  return {
    owners: sorted(byOwner),
    functions: sorted(byFunction),
    seconds: (profile.endTime - profile.startTime) / 1e6,
  };
}

export function summarizeCpuProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const { owners, functions, seconds } = selfTimes(profile);
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
  return [
    `self time, as shares of the busy samples over ${seconds.toFixed(0)} s:`,
    '  by owner:',
    ...owners.slice(0, top).map((entry) => `    ${percent(entry.share)}  ${entry.name}`),
    '  by function:',
    ...functions.slice(0, top).map((entry) => `    ${percent(entry.share)}  ${entry.name}`),
  ].join('\n');
}
