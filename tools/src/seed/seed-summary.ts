import type { SeedReport } from './seed';

/** What a developer reads at the end: what was made, and how to sign in as each demo person. */
export function seedSummary(report: SeedReport, webUrl: string): string {
  const created = report.items.filter((item) => item.created).length;
  const lines = [
    '',
    created === 0
      ? `make seed: all ${report.items.length} demo items were already there; nothing was added`
      : `make seed: created ${created} of ${report.items.length} demo items${created < report.items.length ? ' (the rest were already there)' : ''}`,
    '',
    `Sign in at ${webUrl} (passwords made for this machine, kept in .dev/seed-passwords.json):`,
    ...report.accounts.map(
      (account) => `  ${account.email.padEnd(26)} ${account.password.padEnd(26)} ${account.roles.join(', ')}`,
    ),
    '',
    'Shares:',
    ...report.shares.map(
      (share) => `  ${share.url}${share.password ? `  (password ${share.password})` : ''}`,
    ),
  ];
  return lines.join('\n');
}
