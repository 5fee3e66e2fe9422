/** The runbook's blocks (<!-- drill: <step> -->) the drill runs, in the order it first runs them. */
export const drillSteps = [
  'pg-base-backup',
  'dynamodb-export',
  'pg-restore',
  'dynamodb-restore',
  'verify-health',
] as const;
export type DrillStep = (typeof drillSteps)[number];
