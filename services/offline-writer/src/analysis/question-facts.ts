import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';
import { findAnchor } from './anchors';
import { inferDomain } from './domain';
import { extractAge, extractEra } from './era';
import type { NameCulture, QuestionFacts, TimePoint } from './facts';
import { splitSubjectAndChange } from './subject';

/** The year the scenarios' "today" is; fixed so the same seed gives the same scenario next year. */
export const presentYear = 2026;

/** Living things change over generations; the rest of science over years since the change. */
const biological =
  /\b(humans?|people|animals?|plants?|species|photosynthe\w*|evolv\w*|gills|wings|birds|cats|dogs)\b|(con người|loài người|động vật|thực vật|quang hợp|tiến hóa)/i;

function startingPoint(
  question: string,
  language: ScenarioLanguage,
  category: ScenarioCategory,
  personal: boolean,
  anchorTime: TimePoint | undefined,
): { start: TimePoint; explicitTime: boolean } {
  if (personal || category === 'personal') {
    const age = extractAge(question, language);
    return { start: { scale: 'age', age: age ?? 18 }, explicitTime: age !== undefined };
  }
  const era = extractEra(question, language);
  if (era) return { start: era, explicitTime: true };
  if (anchorTime) return { start: anchorTime, explicitTime: false };
  if (category === 'history')
    return { start: { scale: 'year', year: presentYear - 100 }, explicitTime: false };
  if (category === 'science' && biological.test(question))
    return { start: { scale: 'generation', generation: 1 }, explicitTime: false };
  return { start: { scale: 'epoch', year: 0 }, explicitTime: false };
}

function cultureOf(
  question: string,
  language: ScenarioLanguage,
  anchorCulture: NameCulture | undefined,
): NameCulture {
  if (/\b(japan|tokyo|osaka|kyoto)\b|nhật bản|\bnhật\b/i.test(question)) return 'japanese';
  if (anchorCulture) return anchorCulture;
  return language === 'vi' ? 'vietnamese' : 'english';
}

/** Everything the local provider needs to know about a question: who, what changes, when, where. */
export function analyzeQuestion(
  question: string,
  language: ScenarioLanguage,
  category: ScenarioCategory,
): QuestionFacts {
  const { subject, change, personal, kind } = splitSubjectAndChange(question, language);
  // The subject decides what the scenario is about ("the steam engine"); a second anchor in the
  // change decides when ("…invented in Rome"), as an explicit date would.
  const subjectAnchor = personal ? undefined : findAnchor(subject, language);
  const changeAnchor = personal ? undefined : findAnchor(change, language);
  const anchor = subjectAnchor ?? changeAnchor ?? (personal ? undefined : findAnchor(question, language));
  const eraAnchor =
    changeAnchor && subjectAnchor && changeAnchor.id !== subjectAnchor.id ? changeAnchor : undefined;
  const fromQuestion = startingPoint(question, language, category, personal, (eraAnchor ?? anchor)?.time);
  const start = fromQuestion.start;
  const explicitTime = fromQuestion.explicitTime || eraAnchor !== undefined;
  const clause = change.length > 0 ? `${subject} ${change}` : subject;
  return {
    language,
    category,
    subject,
    change,
    clause,
    kind,
    domain: anchor && !explicitTime ? anchor.domain : inferDomain(question, language, category),
    start,
    explicitTime,
    anchor,
    culture: cultureOf(question, language, (eraAnchor ?? anchor)?.culture[language]),
    personal: personal || category === 'personal',
  };
}
