import type { ScenarioLanguage } from '@what-if/contracts';
import type { Anchor } from '../facts';
import { historyAnchors } from './history';
import { scienceAnchors } from './science';
import { societyAndMythAnchors } from './society-and-myth';

/** Specific anchors first, so "the Trần dynasty against the Mongols" is not just "war". */
const anchors: readonly Anchor[] = [...historyAnchors, ...scienceAnchors, ...societyAndMythAnchors];

/**
 * The first anchor the question mentions, in its own language. An English question may name
 * a Vietnamese event without diacritics and the other way round, so both pattern sets are tried.
 */
export function findAnchor(question: string, language: ScenarioLanguage): Anchor | undefined {
  const other: ScenarioLanguage = language === 'en' ? 'vi' : 'en';
  return (
    anchors.find((anchor) => anchor.patterns[language].test(question)) ??
    anchors.find((anchor) => anchor.patterns[other].test(question))
  );
}
