import { type ServiceName, envFor } from '@what-if/catalog';

const start = '<!-- env:start -->';
const end = '<!-- env:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The environment table of a service README, from the catalog. */
export function renderEnvTable(name: ServiceName): string {
  const rows = envFor(name).map(
    (variable) =>
      `| \`${variable.name}\` | ${variable.default === undefined ? '*required*' : `\`${cell(variable.default)}\``} | ${cell(variable.description)}${variable.secret ? ' (secret in production)' : ''} |`,
  );
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The README with the text between its env markers replaced by the generated table. */
export function withEnvTable(readme: string, name: ServiceName): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the ${name} README has no ${start} ... ${end} section`);
  return `${readme.slice(0, from + start.length)}\n${renderEnvTable(name)}\n${readme.slice(to)}`;
}
