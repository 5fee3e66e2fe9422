/**
 * Stand-ins for the identifiers only an AWS account can supply (hosted zone, certificates,
 * domain) and for the GitHub repository that deploys. They let the app synthesize offline; `-c strict=true` (set by make diff-ecs and
 * make deploy-ecs) refuses to go on while any of them is left.
 */
export const placeholderDomain = 'whatif.example.com';
export const placeholderAccount = '123456789012';
export const placeholderHostedZoneId = 'Z0000000000EXAMPLE';
/** The repository whose release workflow may assume the deploy roles (owner/name). */
export const placeholderGithubRepository = 'example-org/what-if';
export const placeholderSecurityGroupId = 'sg-00000000000000000';

export function placeholderCertificateArn(region: string): string {
  return `arn:aws:acm:${region}:${placeholderAccount}:certificate/00000000-0000-0000-0000-000000000000`;
}

export function isPlaceholder(value: string): boolean {
  return (
    value.endsWith(placeholderDomain) ||
    value.includes(`:${placeholderAccount}:`) ||
    value === placeholderHostedZoneId ||
    value === placeholderGithubRepository ||
    value === placeholderSecurityGroupId
  );
}
