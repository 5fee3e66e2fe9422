import type { ScenarioLanguage } from '@what-if/contracts';
import { findEntity } from '../knowledge';
import type { Entity } from '../knowledge/entity';
import { domainOfWords } from './domain';
import { readEnglish } from './english';
import type { Domain, Frame, Phrase } from './frame';
import { detectLanguage } from './language';
import type { Reading } from './reading';
import { readVietnamese } from './vietnamese';

function phrase(text: string, language: ScenarioLanguage): Phrase {
  const entity = findEntity(text, language);
  return entity ? { text, entity } : { text };
}

const placeWords: Record<ScenarioLanguage, RegExp> = {
  en: /\b(?:in|at)\s+((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]*)*)/u,
  vi: /(?:^|\s)(?:ở|tại)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)/u,
};

/** Where the change happens, when the predicate says it: "invented in Rome", "phát minh ở Việt Nam". */
function placeIn(predicate: string, language: ScenarioLanguage, subject?: Entity): Phrase | undefined {
  const text = predicate.match(placeWords[language])?.[1];
  if (!text) return undefined;
  const entity = findEntity(text, language);
  return entity && entity !== subject && entity.kind !== 'person' ? { text, entity } : { text };
}

function domainOf(
  reading: Reading,
  subject: Phrase,
  object: Phrase | undefined,
  language: ScenarioLanguage,
): Domain {
  if (reading.personal) return 'personal';
  const byWords = domainOfWords(reading.subject, reading.predicate, reading.object ?? '', language);
  if (byWords === 'myth') return 'myth';
  // A capital or a border is a question about places, whatever the city's own entity says.
  if (
    reading.arc === 'became' &&
    /\b(capital|border|borders)\b|(thủ đô|kinh đô|biên giới)/iu.test(
      `${reading.predicate} ${reading.object ?? ''}`,
    )
  )
    return 'places';
  // A place that gains something ("Việt Nam had high-speed rail") is a story about what it gained.
  if (
    subject.entity?.kind === 'place' &&
    (reading.arc === 'gained' || reading.arc === 'arrived') &&
    byWords &&
    byWords !== 'places'
  )
    return byWords;
  if (subject.entity) return subject.entity.domain;
  if (byWords) return byWords;
  if (object?.entity) return object.entity.domain;
  return 'history';
}

const nobody = /^(nobody|no one|no-one|none|không ai|chẳng ai|chưa ai)$/i;
const anyone =
  /^(humans?|people|mankind|humanity|we|scientists|anyone|con người|loài người|nhân loại|chúng ta|người ta|các nhà khoa học)$/i;

/**
 * "Nobody had invented the wheel", "humans had never discovered fire", "Marie Curie had never
 * discovered radium": what is missing is the thing, so the story is about it; the clause
 * keeps who did not make or find it.
 */
function aboutWhatWasMade(reading: Reading, language: ScenarioLanguage): Reading {
  if (!reading.made || reading.personal) return reading;
  const none = nobody.test(reading.subject);
  if (!none && reading.arc !== 'absent') return reading;
  const specific = findEntity(reading.made, language) !== undefined || /^\p{Lu}/u.test(reading.made);
  if (!none && !anyone.test(reading.subject) && !specific) return reading;
  return { ...reading, agent: reading.subject, subject: reading.made, arc: 'absent', negated: true };
}

/** Reads a question in its own language into the frame the writer plans from. */
export function readQuestion(question: string): Frame {
  const language = detectLanguage(question);
  const read = language === 'vi' ? readVietnamese(question) : readEnglish(question);
  const reading = aboutWhatWasMade(read, language);
  const subject = phrase(reading.subject, language);
  const object = reading.object ? phrase(reading.object, language) : undefined;
  const place = placeIn(reading.predicate, language, subject.entity);
  const domain = domainOf(reading, subject, object, language);
  const frame: Frame = {
    language,
    core: reading.core,
    subject,
    predicate: reading.predicate,
    arc: reading.arc,
    negated: reading.negated,
    domain,
    personal: reading.personal,
  };
  if (object) frame.object = object;
  if (reading.agent) frame.agent = phrase(reading.agent, language);
  if (place) frame.place = place;
  if (reading.date) frame.when = reading.date;
  if (reading.duration) frame.duration = reading.duration;
  if (reading.age !== undefined) frame.age = reading.age;
  if (reading.followUp) {
    frame.followUp = reading.followUp.focus ? { focus: phrase(reading.followUp.focus, language) } : {};
  }
  return frame;
}
