import type { ScenarioLanguage } from '@what-if/contracts';
import { findEntity } from '../knowledge';
import type { Entity } from '../knowledge/entity';
import type { Arc, Frame, Phrase } from '../reading/frame';
import { durationPhrase, momentOf } from './clock';
import { isPlural, pathOf, simplePast } from './english-grammar';

/**
 * The question's own words in the scenario's language: its subject, the change as a clause
 * and as a noun phrase, the two sides of a battle, the role taken. A question asked in one
 * language and answered in the other keeps the names the writer knows in the answer's
 * language and quotes the rest, so no sentence mixes the two languages.
 */
export interface QuestionWords {
  subject: string;
  /** The change as a past-tense clause, without its date or duration. */
  clause: string;
  /** The change as a noun phrase: "the survival of the Roman Empire", "a world without the Moon". */
  change: string;
  winner: string;
  loser: string;
  /** The role taken (the `became` arc) or what was gained. */
  role: string;
  duration: string;
  /** For a life: the road taken and the one turned down. */
  path: string;
  otherPath: string;
  /** Takes a plural verb in English. */
  plural: boolean;
}

/** Quotation marks of the answer's language, around words left as the question wrote them. */
export function quote(text: string, language: ScenarioLanguage): string {
  return language === 'vi' ? `“${text}”` : `“${text}”`;
}

/** Whether the entity's own name is what the phrase says, rather than something near it. */
function namesEntity(phrase: Phrase, language: ScenarioLanguage): boolean {
  const entity = phrase.entity;
  if (!entity) return false;
  const match =
    phrase.text.match(entity.patterns[language]) ??
    phrase.text.match(entity.patterns[language === 'en' ? 'vi' : 'en']);
  if (!match) return false;
  const rest = phrase.text
    .replace(match[0], '')
    .replace(/^(the|a|an|nhà|quân|người|loài)\s+|\s+(dynasty|empire)$/gi, '')
    .trim();
  return rest.length <= 3;
}

const wholeEntity = (text: string, from: ScenarioLanguage): Entity | undefined => {
  const entity = findEntity(text, from);
  return entity && namesEntity({ text, entity }, from) ? entity : undefined;
};

/**
 * A phrase in the other language: a known name, "the capital of X", "a united X", or the words
 * as written, quoted.
 */
export function translate(text: string, from: ScenarioLanguage, to: ScenarioLanguage): string {
  if (from === to) return text;
  const known = wholeEntity(text, from);
  if (known) return known.name[to];
  if (from === 'en') {
    const capital = text.match(/^(?:the\s+)?(?:new\s+)?capital\s+of\s+(.+)$/i);
    if (capital) return `thủ đô của ${translate(capital[1]!, from, to)}`;
    const united = text.match(/^(a\s+|an\s+|the\s+)?united\s+(.+)$/i);
    if (united)
      return `${united[1] && !/^the/i.test(united[1]) ? 'một ' : ''}${translate(united[2]!, from, to)} thống nhất`;
  } else {
    const capital = text.match(/^(?:thủ\s+đô|kinh\s+đô)\s+của\s+(.+)$/i);
    if (capital) return `the capital of ${translate(capital[1]!, from, to)}`;
    const united = text.match(/^(một\s+)?(.+?)\s+thống\s+nhất$/i);
    if (united) return `${united[1] ? 'a ' : 'the '}united ${translate(united[2]!, from, to)}`;
  }
  return quote(text, to);
}

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

function subjectIn(frame: Frame, language: ScenarioLanguage): string {
  if (frame.language === language) {
    // "there were no Moon" names the Moon: the entity's own name adds the article or the diacritics.
    const entity = frame.subject.entity;
    if (
      entity &&
      namesEntity(frame.subject, language) &&
      folded(entity.name[language]).includes(folded(frame.subject.text))
    )
      return entity.name[language];
    return frame.subject.text;
  }
  if (frame.personal) return language === 'vi' ? 'bạn' : 'you';
  return namesEntity(frame.subject, frame.language)
    ? frame.subject.entity!.name[language]
    : translate(frame.subject.text, frame.language, language);
}

function otherSide(frame: Frame, language: ScenarioLanguage): string {
  if (frame.object) {
    return frame.language === language
      ? frame.object.text
      : translate(frame.object.text, frame.language, language);
  }
  const opponent = frame.subject.entity?.opponent ?? frame.place?.entity?.opponent;
  if (opponent) return opponent[language];
  return language === 'vi' ? 'đối phương' : 'their enemies';
}

/** The place the question names, in the answer's language: as written, or the name the writer knows. */
function placeIn(frame: Frame, language: ScenarioLanguage): string | undefined {
  const place = frame.place;
  if (!place) return undefined;
  if (frame.language === language) return place.text;
  return place.entity ? place.entity.name[language] : translate(place.text, frame.language, language);
}

/** The same clause built from the arc, for an answer in the other language. */
function clauseFromArc(
  frame: Frame,
  words: Omit<QuestionWords, 'clause' | 'change'>,
  language: ScenarioLanguage,
): string {
  const { subject, winner, loser, role } = words;
  const duration = frame.duration ? durationPhrase(frame.duration, language) : '';
  const arrivalTime = frame.when ? momentOf(frame.when, language).spoken : '';
  const place = placeIn(frame, language);
  if (language === 'vi') {
    switch (frame.arc) {
      case 'absent':
        return `${subject} chưa từng tồn tại`;
      case 'ended':
        return `${subject} biến mất`;
      case 'paused':
        return `${subject} ngừng lại`;
      case 'endured':
        return `${subject} không sụp đổ mà tồn tại tiếp`;
      case 'won':
      case 'lost':
        return `${winner} đánh bại ${loser}`;
      case 'arrived':
        return `${subject} ra đời${arrivalTime ? ` vào ${arrivalTime}` : place ? ` ở ${place}` : ' theo một cách khác'}`;
      case 'became':
        return `${subject} trở thành ${role}`;
      case 'gained':
      case 'chose':
        return `điều giả định ${quote(frame.core, frame.language)} trở thành sự thật`;
    }
  }
  const be = words.plural ? 'were' : 'was';
  switch (frame.arc) {
    case 'absent':
      return `${subject} never existed`;
    case 'ended':
      return `${subject} disappeared`;
    case 'paused':
      return `${subject} stopped${duration ? '' : ''}`;
    case 'endured':
      return `${subject} did not fall and lasted on`;
    case 'won':
    case 'lost':
      return `${winner} defeated ${loser}`;
    case 'arrived':
      return `${subject} arrived${arrivalTime ? ` ${arrivalTime}` : place ? ` in ${place}` : ' in another way'}`;
    case 'became':
      return `${subject} ${be} ${role}`;
    case 'gained':
    case 'chose':
      return `the supposition ${quote(frame.core, frame.language)} came true`;
  }
}

/** The question's clause in its own language, retold in the past tense. */
function ownClause(frame: Frame, subject: string, plural: boolean): string {
  if (frame.agent) {
    const agent = frame.agent.text;
    return frame.language === 'vi'
      ? `${agent} ${frame.predicate}`
      : `${agent} ${simplePast(frame.predicate, isPlural(agent))}`;
  }
  if (frame.language === 'vi') {
    if (frame.arc === 'absent' && /^không tồn tại$/.test(frame.predicate)) return `không hề có ${subject}`;
    if (frame.predicate === 'xuất hiện') return `có ${subject}`;
    return `${subject} ${frame.predicate}`.trim();
  }
  if (frame.predicate === 'never existed')
    return `there was no ${subject.replace(/^(the|a|an)\s+/i, 'the ')}`.replace(
      'there was no the ',
      'there was no ',
    );
  if (frame.predicate === 'existed') return `there ${plural ? 'were' : 'was'} ${subject}`;
  return `${subject} ${simplePast(frame.predicate, plural)}`.trim();
}

function changePhrase(frame: Frame, words: QuestionWords, language: ScenarioLanguage): string {
  const { subject, winner, role, duration } = words;
  const vi = language === 'vi';
  switch (frame.arc) {
    case 'absent':
      return vi ? `một thế giới không có ${subject}` : `a world without ${subject}`;
    case 'ended':
      return vi ? `sự biến mất của ${subject}` : `the loss of ${subject}`;
    case 'paused':
      return vi
        ? `${duration || 'những ngày'} không có ${subject}`
        : `the ${duration.replace(/^(a|an) /, '') || 'time'} without ${subject}`;
    case 'endured':
      return vi ? `sự trường tồn của ${subject}` : `the survival of ${subject}`;
    case 'won':
    case 'lost':
      return vi ? `chiến thắng của ${winner}` : `the victory of ${winner}`;
    case 'arrived': {
      const known = frame.subject.entity?.time;
      const when = frame.when;
      const shift =
        known?.scale === 'year' && when?.scale === 'year' && when.year !== known.year
          ? when.year < known.year
            ? 'early'
            : 'late'
          : undefined;
      if (shift) {
        if (vi) return `sự ra đời ${shift === 'early' ? 'sớm' : 'muộn'} của ${subject}`;
        return `the ${shift} arrival of ${subject}`;
      }
      const place = placeIn(frame, language);
      if (place) return vi ? `${subject} ở ${place}` : `${subject} in ${place}`;
      return vi ? `sự xuất hiện của ${subject}` : `the arrival of ${subject}`;
    }
    case 'became':
      if (role) return vi ? `${subject} trong vai trò ${role}` : `${subject} as ${role}`;
      return vi ? `một thế giới nơi ${words.clause}` : `a world in which ${words.clause}`;
    case 'gained':
      return vi ? `một thế giới nơi ${words.clause}` : `a world in which ${words.clause}`;
    case 'chose':
      return vi ? `con đường mới của bạn` : `your new path`;
  }
}

/** For a life: the road taken and the one turned down, as the life stages name them. */
function lifePaths(frame: Frame, language: ScenarioLanguage): { path: string; otherPath: string } {
  if (frame.language !== language) {
    return language === 'vi'
      ? { path: `con đường ${quote(frame.predicate, frame.language)}`, otherPath: 'con đường bạn từ chối' }
      : {
          path: `the road of ${quote(frame.predicate, frame.language)}`,
          otherPath: 'the road you turned down',
        };
  }
  if (language === 'vi') {
    const [main = frame.predicate, alternative] = frame.predicate.split(/\s+thay\s+vì\s+/i);
    const path = main.replace(/^(đã|đã từng|từng)\s+/i, '').trim();
    return { path, otherPath: alternative ? `con đường ${alternative}` : 'con đường bạn từ chối' };
  }
  const { path, alternative } = pathOf(frame.predicate);
  const otherPath = !alternative
    ? 'the road you turned down'
    : /^(a|an)\s/i.test(alternative)
      ? `the life of ${alternative}`
      : alternative;
  return { path, otherPath };
}

/** Arcs that name two sides: the winner and the loser of a contest. */
const contests: readonly Arc[] = ['won', 'lost'];

export function questionWords(frame: Frame, language: ScenarioLanguage): QuestionWords {
  const subject = subjectIn(frame, language);
  const plural =
    frame.subject.entity && namesEntity(frame.subject, frame.language)
      ? (frame.subject.entity.plural ?? (frame.language === 'en' && isPlural(frame.subject.text)))
      : frame.language === 'en'
        ? isPlural(frame.subject.text)
        : false;
  const other = otherSide(frame, language);
  const [winner, loser] = contests.includes(frame.arc)
    ? frame.arc === 'won'
      ? [subject, other]
      : [other, subject]
    : [subject, other];
  const role = frame.object
    ? frame.language === language
      ? frame.object.text
      : translate(frame.object.text, frame.language, language)
    : '';
  const duration = frame.duration ? durationPhrase(frame.duration, language) : '';
  const partial = { subject, winner, loser, role, duration, plural, ...lifePaths(frame, language) };
  const clause =
    frame.language === language ? ownClause(frame, subject, plural) : clauseFromArc(frame, partial, language);
  const words: QuestionWords = { ...partial, clause, change: '' };
  words.change = changePhrase(frame, words, language);
  return words;
}
