import { narrationLimits } from '@what-if/contracts';

/**
 * Fixes the small, safe deviations models make before the output is held to the schema: a
 * wrapping object, a score written as "7" or 7.5, tags in capitals or one comma-separated
 * string, a field a few characters too long, more timeline entries than the schema allows,
 * `date` for `when`. It never invents content: what it cannot fix stays invalid, and the
 * chain asks the model once more with what was wrong.
 */

const limits = {
  title: 140,
  premise: 1_200,
  when: 80,
  event: 600,
  consequence: 1_200,
  domain: 800,
  name: 120,
  role: 400,
  assumption: 400,
  tag: 40,
} as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Longer than allowed: cut at the last word boundary, with an ellipsis. */
function fit(value: unknown, limit: number): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

function entry(value: unknown): unknown {
  if (!isObject(value)) return value;
  const when = value['when'] ?? value['date'] ?? value['time'] ?? value['year'];
  const event = value['event'] ?? value['description'] ?? value['text'];
  return {
    when: fit(typeof when === 'number' ? String(when) : when, limits.when),
    event: fit(event, limits.event),
  };
}

/** At most eight entries: the first seven and the last, so the story still reaches its end. */
function timeline(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const entries = value.map(entry);
  return entries.length > 8 ? [...entries.slice(0, 7), entries.at(-1)] : entries;
}

function consequences(value: unknown): unknown {
  if (!isObject(value)) return value;
  const repaired: Json = {
    immediate: fit(value['immediate'], limits.consequence),
    shortTerm: fit(value['shortTerm'] ?? value['short_term'], limits.consequence),
    longTerm: fit(value['longTerm'] ?? value['long_term'], limits.consequence),
  };
  const domains = value['byDomain'] ?? value['by_domain'];
  if (isObject(domains)) {
    const byDomain: Json = {};
    const names: Record<string, string> = {
      politics: 'politics',
      technology: 'technology',
      culture: 'culture',
      dailylife: 'dailyLife',
      daily_life: 'dailyLife',
      'daily life': 'dailyLife',
    };
    for (const [key, text] of Object.entries(domains)) {
      const name = names[key.toLowerCase()] ?? names[key];
      if (name && typeof text === 'string' && text.trim()) byDomain[name] = fit(text, limits.domain);
    }
    if (Object.keys(byDomain).length > 0) repaired['byDomain'] = byDomain;
  }
  return repaired;
}

function score(value: unknown): unknown {
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return value;
  return Math.min(10, Math.max(1, Math.round(number)));
}

function plausibility(value: unknown): unknown {
  if (!isObject(value)) return value;
  const assumptions = value['assumptions'];
  const list = typeof assumptions === 'string' ? [assumptions] : assumptions;
  return {
    score: score(value['score']),
    assumptions: Array.isArray(list) ? list.slice(0, 6).map((text) => fit(text, limits.assumption)) : list,
  };
}

function keyFigures(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.slice(0, 8).map((figure) =>
    isObject(figure)
      ? {
          name: fit(figure['name'], limits.name),
          role: fit(figure['role'] ?? figure['description'], limits.role),
        }
      : figure,
  );
}

function tags(value: unknown): unknown {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list)) return value;
  const cleaned = list
    .filter((tag): tag is string => typeof tag === 'string')
    .map((tag) => (fit(tag.trim().replace(/^#/, '').toLowerCase(), limits.tag) as string).replace(/…$/, ''))
    .filter((tag) => tag.length > 0);
  return [...new Set(cleaned)].slice(0, 10);
}

export function repairScenarioContent(output: unknown): unknown {
  // {"scenario": {...}}: some models wrap the object they were asked for.
  const content =
    isObject(output) && Object.keys(output).length === 1 && isObject(Object.values(output)[0])
      ? (Object.values(output)[0] as Json)
      : output;
  if (!isObject(content)) return content;
  const repaired: Json = { ...content };
  repaired['title'] = fit(content['title'], limits.title);
  repaired['premise'] = fit(content['premise'], limits.premise);
  repaired['timeline'] = timeline(content['timeline']);
  const divergence = content['divergence'];
  repaired['divergence'] =
    typeof divergence === 'string' && Array.isArray(repaired['timeline']) && isObject(repaired['timeline'][0])
      ? { when: repaired['timeline'][0]['when'], event: fit(divergence, limits.event) }
      : entry(divergence);
  repaired['consequences'] = consequences(content['consequences']);
  repaired['keyFigures'] = keyFigures(content['keyFigures'] ?? content['key_figures']);
  repaired['plausibility'] = plausibility(content['plausibility']);
  repaired['narration'] = fit(content['narration'], narrationLimits.max);
  repaired['tags'] = tags(content['tags']);
  delete repaired['key_figures'];
  return repaired;
}
