import type { Arc } from './frame';
import type { Reading } from './reading';
import { findAge, findDate, findDuration, without } from './time-expressions';

const leads =
  /^(?:and\s+|so\s+|but\s+|ok(?:ay)?,?\s+)?(?:what\s+(?:would|could|will|might)\s+(?:have\s+)?happen(?:ed)?\s+if|what\s+would\s+(?:the\s+world|life|history|things)\s+(?:be\s+like|look\s+like|have\s+been\s+like)\s+if|how\s+would\s+.+?\s+(?:be|look|change|have\s+changed|be\s+different)\s+if|what\s+if|imagine(?:\s+if|\s+that|\s+a\s+world\s+where)?|suppose(?:\s+that)?|in\s+a\s+world\s+where|if)(?:\s+|$)/i;
const tails =
  /[\s,;:-]*(?:(?:then\s+)?what\s+(?:would|might|will)\s+(?:have\s+)?(?:happen(?:ed)?|change[d]?|follow(?:ed)?)|how\s+would\s+.*|what\s+then|what\s+next|instead|today|now)?[\s?!.…]*$/i;

/** Follow-ups that ask what came next, with the thing they ask about when they name one. */
const followUps: RegExp[] = [
  /^(?:and\s+|so\s+)?(?:then\s+)?what\s+(?:happened|happens|would\s+happen|happened\s+next|came\s+next|comes\s+next)(?:\s+next)?(?:\s+(?:to|with)\s+(.+?))?(?:\s+(?:next|then|after\s+that|afterwards|later))?$/i,
  /^(?:and\s+|so\s+)?(?:then\s+)?what\s+(?:became|becomes)\s+of\s+(.+?)(?:\s+(?:next|then|after\s+that|afterwards|later))?$/i,
  /^(?:and\s+|so\s+)?what\s+about\s+(.+?)$/i,
  /^(?:and\s+|so\s+)?how\s+(?:did|would|does|do|will)\s+(.+?)\s+(?:react|respond|change|fare|cope|adapt|survive|end\s+up|feel)\b.*$/i,
  /^(?:and\s+|so\s+)?what\s+(?:did|would|does|will)\s+(.+?)\s+do\b.*$/i,
  /^(?:and\s+)?(?:then\s+)?(?:what\s+next|and\s+then|then\s+what|what\s+then|what\s+now)$/i,
];

/** Words that start an English predicate: the subject is everything before the first of them. */
const verbs = new Set(
  (
    "had hadn't has have was wasn't were weren't is isn't are aren't did didn't does doesn't do don't never " +
    "could couldn't can can't would wouldn't will won't won lost became become got went moved invented discovered " +
    'survived fell died existed stayed married chose refused learned lived ruled took kept ended started began ' +
    'still always also lose win stopped ceased vanished disappeared flowed ran grew spoke wrote painted built ' +
    'sank dried melted remained turned united collapsed reached landed arrived sailed founded made came left'
  ).split(' '),
);

const determiners = /^(a|an|the|this|that|these|those|its|their|his|her|our|your|my)$/i;

function split(core: string): [string, string] {
  const words = core.split(' ');
  const verbAt = words.findIndex((word, index) => {
    if (index === 0) return false;
    const lower = word.toLowerCase().replace(/[,;]$/, '');
    if (verbs.has(lower)) return true;
    // "a united Europe": an -ed word after a determiner is an adjective.
    return /^[a-z]+ed$/.test(lower) && !determiners.test(words[index - 1] ?? '');
  });
  if (verbAt <= 0) return [core, ''];
  return [words.slice(0, verbAt).join(' '), words.slice(verbAt).join(' ')];
}

const negation = /\b(not|never|no|n't|without|none|nobody|nothing)\b|n't\b/i;

const endings =
  'burn(?:ed|t)?|be\\s+burn(?:ed|t)|fall|fell|fallen|collapse[d]?|end(?:ed)?|die[d]?|gone\\s+extinct|go\\s+extinct|went\\s+extinct|die\\s+out|died\\s+out|disappear(?:ed)?|vanish(?:ed)?|sink|sank|sunk|break\\s+up|broke\\s+up|broken\\s+up|split|dissolve[d]?|decline[d]?|lose\\s+power|lost\\s+power|dry\\s+up|dried\\s+up|melt(?:ed)?|stop(?:ped)?|cease[d]?';
const passiveEndings =
  'conquered|defeated|destroyed|sacked|abolished|colonized|colonised|dissolved|overthrown|assassinated|killed|burned|burnt|buried|flooded|drowned';

const arcPatterns = {
  endured: new RegExp(
    `\\b(?:never|not|n't)\\s+(?:have\\s+|had\\s+)?(?:${endings})\\b|\\b(?:never|not|n't)\\s+(?:have\\s+|had\\s+)?(?:been|be|got|get)\\s+(?:${passiveEndings})\\b|\\b(survived|survive|lived\\s+on|lived\\s+longer|lived\\s+(?:to|until|past|into|beyond)|still\\s+(?:exist|existed|ruled|rules|stood|stands|alive|around|standing|ruling)|lasted|endured|remained\\s+(?:in\\s+power|united|whole|intact)|kept\\s+(?:its|their)\\s+(?:power|throne|empire))\\b`,
    'i',
  ),
  notLost: /\b(?:never|not|n't)\s+(?:have\s+|had\s+)?(?:lost|lose)\b/i,
  lost: /\b(lost|lose|were\s+defeated|was\s+defeated|been\s+defeated|surrendered|failed\s+to\s+(?:win|defeat|conquer|take|hold|repel|stop|beat)|were\s+conquered|was\s+conquered|been\s+conquered)\b|\b(?:not|never|n't)\s+(?:have\s+|had\s+)?(?:defeat(?:ed)?|won|win|beat(?:en)?|conquer(?:ed)?|repel(?:led)?|stop(?:ped)?|held\s+off|hold\s+off|drive[n]?\s+(?:off|out|back)|drove\s+(?:off|out|back))\b/i,
  absent:
    /\b(?:never|not|n't)\s+(?:have\s+|had\s+|been\s+|ever\s+)*(?:exist(?:ed)?|invent(?:ed)?|discover(?:ed)?|born|form(?:ed)?|found(?:ed)?|happen(?:ed)?|evolve[d]?|develop(?:ed)?|written|write|wrote|made|make|create[d]?|domesticate[d]?|built|build|occur(?:red)?|take\s+place|taken\s+place|took\s+place|arrive[d]?|reach(?:ed)?|come|came|met|meet|emerge[d]?|appear(?:ed)?|start(?:ed)?|begun|began|begin|sign(?:ed)?|publish(?:ed)?|paint(?:ed)?|compose[d]?|record(?:ed)?|print(?:ed)?|hit|struck|strike|erupt(?:ed)?|split|splits)\b/i,
  missed: /\b(missed|had\s+missed|miss(?:es)?)\b/i,
  won: /\b(won|win|defeated|defeat|conquered|beat|repelled|held\s+off|drove\s+(?:off|out|back)|prevailed|triumphed|crushed|routed|took\s+(?:control|power))\b/i,
  ended:
    /\b(stopped|stop|ceased|cease|vanished|vanish|disappeared|disappear|went\s+extinct|go\s+extinct|died\s+out|die\s+out|collapsed|collapse|fell|fallen|ended|was\s+destroyed|were\s+destroyed|been\s+destroyed|sank|sunk|dried\s+up|dry\s+up|melted|melt|went\s+(?:dark|out|down|silent|offline)|shut\s+down|switched\s+off|turned\s+off|broke\s+down|failed|froze|was\s+abolished|were\s+abolished|been\s+abolished|banned|outlawed|split|broke\s+up|broken\s+up)\b/i,
  arrived:
    /\b(invented|invent|discovered|discover|built|developed|founded|arrived|reached|landed|came|happened|began|started|launched|published|written|wrote|created|introduced|adopted|domesticated|settled|colonized|colonised|sailed|set\s+foot)\b/i,
  gained:
    /\b(could|can|were\s+able|was\s+able|learned\s+to|grew|had\s+(?!been\b)|have\s+|got|gained|lived\s+forever|were\s+real|was\s+real|were\s+alive|existed)\b/i,
  became:
    /\b(became|become|had\s+been|was|were|turned\s+into|remained|stayed|moved|flowed|ran|spoke|speak)\b/i,
};

function arcOf(predicate: string): Arc {
  if (arcPatterns.endured.test(predicate)) return 'endured';
  if (arcPatterns.notLost.test(predicate)) return 'won';
  if (arcPatterns.lost.test(predicate)) return 'lost';
  if (arcPatterns.absent.test(predicate) || arcPatterns.missed.test(predicate)) return 'absent';
  if (arcPatterns.won.test(predicate)) return 'won';
  if (arcPatterns.ended.test(predicate)) return 'ended';
  if (arcPatterns.arrived.test(predicate)) return 'arrived';
  if (arcPatterns.gained.test(predicate)) return 'gained';
  if (arcPatterns.became.test(predicate)) return 'became';
  return 'gained';
}

/** What comes after the verb: the other side of a battle or the role taken. */
function objectOf(predicate: string, arc: Arc): string | undefined {
  if (arc === 'won' || arc === 'lost') {
    const against = predicate.match(/\bagainst\s+(.+)$/i);
    if (against) return against[1];
    const after = predicate.match(
      /\b(?:defeat(?:ed)?|beat(?:en)?|conquer(?:ed)?|repel(?:led)?|won|win|lost|lose|held\s+off|hold\s+off|to|by|stop(?:ped)?|drive[n]?\s+(?:off|out|back)|drove\s+(?:off|out|back)|crushed|routed)\s+(?!at\b|in\b|the\s+(?:war|battle)\b)(.+)$/i,
    );
    return after?.[1];
  }
  if (arc === 'became') {
    const after = predicate.match(/\b(?:become|became|been|was|were|turned\s+into|remained)\s+(.+)$/i)?.[1];
    // A role is a noun phrase ("the capital of a united Asia"); "still green" is a state.
    return after &&
      /^(?:a|an|the|one|part|home|capital|king|queen|emperor|president|leader|center|centre|heart|seat|\p{Lu})/iu.test(
        after,
      )
      ? after
      : undefined;
  }
  return undefined;
}

const prizes =
  /^(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:vote|right|rights|independence|election|elections|lottery|prize|nobel|cup|world\s+cup|championship|freedom|power|suffrage|title|medal|gold|race|contract|trust|support)\b/i;

/** Pronouns turned towards the reader: the scenario tells "you" the life "I" asked about. */
const pronouns: [RegExp, string][] = [
  [/\bI am\b/g, 'you are'],
  [/\bI was\b/g, 'you were'],
  [/\bI'm\b/g, "you're"],
  [/\bI'd\b/g, "you'd"],
  [/\bI've\b/g, "you've"],
  [/\bI\b/g, 'you'],
  [/\bmyself\b/gi, 'yourself'],
  [/\bmy\b/gi, 'your'],
  [/\bmine\b/gi, 'yours'],
  [/\bme\b/gi, 'you'],
];

export function towardsReader(text: string): string {
  return pronouns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** The question without its "what if" frame and trailing "what would happen?". */
export function coreOfEnglish(question: string): string {
  return question.normalize('NFC').replace(/\s+/g, ' ').trim().replace(tails, '').replace(leads, '').trim();
}

export function readEnglish(question: string): Reading {
  const core = coreOfEnglish(question);
  for (const pattern of followUps) {
    const match = core.match(pattern);
    if (match) {
      const focus = match[1]?.replace(/^(?:the\s+)?(?:rest\s+of\s+)?/i, (lead) => lead).trim();
      return {
        core,
        subject: focus ? towardsReader(focus) : '',
        predicate: '',
        arc: 'gained',
        negated: false,
        personal: false,
        followUp: { focus: focus ? towardsReader(focus) : undefined },
      };
    }
  }
  const date = findDate(core, 'en');
  const duration = findDuration(core, 'en');
  const bare = without(without(core, date), duration);
  const existential = bare.match(
    /^there\s+(?:was|were|had\s+been|is|are|would\s+be)\s+(no|never\s+(?:a|an|any)?|two|three|several|many|more|another|a\s+second|an?\s+)\s*(.+)$/i,
  );
  if (existential) {
    const none = /^(no|never)/i.test(existential[1]!);
    const count = none ? '' : `${existential[1]!.trim()} `;
    return {
      core,
      subject: towardsReader(`${count}${existential[2]!}`.trim()),
      predicate: none ? 'never existed' : 'existed',
      arc: none ? 'absent' : 'gained',
      negated: none,
      personal: false,
      date: date?.value,
      duration: duration?.value,
    };
  }
  const [subject, said] = split(bare);
  const personal = /^(i|we|my\b.*|me|our\b.*)$/i.test(subject);
  // "at 20" dates a life; "Mozart had lived to 70" keeps its number in the change.
  const age = personal ? findAge(said, 'en') : undefined;
  const predicate = without(said, age);
  const detected = arcOf(predicate);
  const arc: Arc = personal
    ? 'chose'
    : duration && (detected === 'ended' || detected === 'absent')
      ? 'paused'
      : detected;
  const made = predicate.match(
    /\b(?:invent(?:ed)?|discover(?:ed)?|built|build|found|find|made|make|create[d]?|write|wrote|written|compose[d]?|paint(?:ed)?|develop(?:ed)?|domesticate[d]?|tame[d]?|print(?:ed)?|design(?:ed)?|tamed|harness(?:ed)?|learn(?:ed|t)?\s+to\s+use|use[d]?)\s+(?!(?:in|at|on|by|for|to|with|from)\b)(.+)$/i,
  )?.[1];
  const found = objectOf(predicate, arc);
  // "were still green": no role to take, so the story is one of a world with that state.
  const state =
    arc === 'became' && found === undefined && /\b(?:was|were|had\s+been|remained|stayed)\b/i.test(predicate);
  // "won the vote", "won independence": a prize, not an opponent, so the story is one of gaining it.
  const prize = (arc === 'won' || arc === 'lost') && found !== undefined && prizes.test(found);
  const object = prize ? undefined : found;
  return {
    core,
    subject: towardsReader(subject),
    predicate: towardsReader(predicate),
    arc: prize ? (arc === 'won' ? 'gained' : 'absent') : state ? 'gained' : arc,
    negated: negation.test(predicate),
    personal,
    object: object ? towardsReader(object.replace(/[,;].*$/, '').trim()) : undefined,
    date: date?.value,
    duration: duration?.value,
    age: age?.value,
    ...(made ? { made: made.replace(/[,;].*$/, '').trim() } : {}),
  };
}
