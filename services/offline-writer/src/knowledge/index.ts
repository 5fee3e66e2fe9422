import type { ScenarioLanguage } from '@what-if/contracts';
import { cultureEntities } from './culture';
import type { Entity } from './entity';
import { historyAnchors } from './history';
import { natureEntities } from './nature';
import { placeEntities } from './places';
import { scienceAnchors } from './science';
import { societyAndScience } from './society-and-science';
import { societyAndMythAnchors } from './society-and-myth';
import { statesAndPeople } from './states-and-people';
import { technologyEntities } from './technology';

export type { Bilingual, Entity, EntityKind, KnownFigure, NameCulture } from './entity';

/**
 * Every entity the writer knows, the specific before the general: "the Moon landing" before
 * "the Moon", a battle before the country it was fought in.
 */
export const entities: readonly Entity[] = [
  ...historyAnchors,
  ...statesAndPeople,
  ...scienceAnchors,
  ...cultureEntities,
  ...technologyEntities,
  ...societyAndScience,
  ...natureEntities,
  ...societyAndMythAnchors,
  ...placeEntities,
];

/**
 * The first entity the text names, in the given language first. An English question may
 * name a Vietnamese event without diacritics and the other way round, so both are tried.
 */
export function findEntity(text: string, language: ScenarioLanguage): Entity | undefined {
  if (text.trim().length === 0) return undefined;
  const other: ScenarioLanguage = language === 'en' ? 'vi' : 'en';
  return (
    entities.find((entity) => entity.patterns[language].test(text)) ??
    entities.find((entity) => entity.patterns[other].test(text))
  );
}

/** Every entity the text names, in the order of `entities`. */
export function entitiesIn(text: string, language: ScenarioLanguage): Entity[] {
  return entities.filter((entity) => entity.patterns[language].test(text));
}
