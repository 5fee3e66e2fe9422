import type { ScenarioLanguage } from '@what-if/contracts';
import type { ChangeKind } from './facts';

export interface SubjectAndChange {
  subject: string;
  change: string;
  /** The question is about the asker's own life ("I", "tôi"). */
  personal: boolean;
  kind: ChangeKind;
}

const englishLeads =
  /^(?:and\s+|so\s+|but\s+)?(?:what\s+(?:would|could|will)\s+(?:have\s+)?happen(?:ed)?\s+if|what\s+if|imagine(?:\s+if|\s+that)?|suppose(?:\s+that)?|how\s+would\s+.+?\s+(?:be|look|change)\s+if|what\s+would\s+.+?\s+(?:be|look)\s+like\s+if|if)(?:\s+|$)/i;
const englishTails = /[\s,]*(?:what would (?:happen|change)|how would .*|what then|instead)?[\s?!.]*$/i;

const vietnameseLeads =
  /^(?:(?:điều|chuyện)\s+gì\s+(?:sẽ\s+)?(?:xảy ra|diễn ra)\s+nếu(?:\s+như)?|thử\s+tưởng\s+tượng(?:\s+nếu)?|giả\s+sử(?:\s+như)?|nếu\s+như|nếu|neu)(?:\s+|$)/i;
const vietnameseTails =
  /[\s,]*(?:thì\s+)?(?:(?:điều|chuyện)\s+gì\s+sẽ\s+xảy\s+ra|sẽ\s+ra\s+sao|thì\s+sao|thế\s+nào|như\s+thế\s+nào|ra\s+sao)?[\s?!.]*$/i;

/** Words that start an English predicate: the subject is everything before the first of them. */
const englishVerbs = new Set(
  (
    "had hadn't has have was wasn't were weren't is isn't are aren't did didn't does doesn't do don't never " +
    "could couldn't can can't would wouldn't will won't won lost became become got went moved invented discovered " +
    'survived fell died existed stayed married chose refused learned lived ruled took kept ended started began ' +
    'still always also lose win'
  ).split(' '),
);

/** The same for Vietnamese; longer phrases first so "trở thành" wins over "thành". */
const vietnameseVerbs = [
  'không bao giờ',
  'chưa bao giờ',
  'trở thành',
  'chiến thắng',
  'đánh bại',
  'phát minh',
  'ra đời',
  'biến mất',
  'tồn tại',
  'sụp đổ',
  'tuyệt chủng',
  'xuất hiện',
  'có thể',
  'chuyển',
  'không',
  'chưa',
  'đã',
  'được',
  'bị',
  'thua',
  'thắng',
  'là',
  'có',
  'đi',
  'sống',
  'chọn',
  'học',
  'làm',
  'lấy',
  'vẫn',
  'thành',
];

const englishKinds: [ChangeKind, RegExp][] = [
  [
    'never-existed',
    /\b(never existed|did(?:n't| not) exist|never (?:been |was )?invented|(?:was|were|had)(?:n't| not)(?: been)? invented|was never|disappeared|vanished|were no|was no)\b/i,
  ],
  [
    'survived',
    /\b(never fell|never collapsed|never ended|never died|not (?:gone|go) extinct|did(?:n't| not) (?:fall|die|collapse|go extinct)|survived|lived on|still (?:existed|ruled|alive))\b/i,
  ],
  ['won', /\b(won|win|defeated|conquered|victorious)\b/i],
  ['lost', /\b(lost|lose|were defeated|was defeated|surrendered)\b/i],
  [
    'shifted',
    /\b(invented|discovered|built|developed|arrived|happened|came)\b.*\b(\d{3,4}s?|century|earlier|later|bc|ad)\b/i,
  ],
  [
    'became',
    /\b(become|became|chose|moved|married|studied|quit|stayed|went|taken|took|gone|started|learned)\b/i,
  ],
];

const vietnameseKinds: [ChangeKind, RegExp][] = [
  [
    'never-existed',
    /(không tồn tại|chưa (?:bao giờ|từng) tồn tại|không (?:bao giờ )?có|chưa (?:bao giờ )?được phát minh|biến mất)/i,
  ],
  [
    'survived',
    /(không tuyệt chủng|không sụp đổ|không (?:bao giờ )?(?:sụp đổ|diệt vong|mất)|vẫn (?:tồn tại|còn)|sống sót)/i,
  ],
  ['lost', /(thua|bị đánh bại|thất bại|đầu hàng)/i],
  ['won', /(thắng|chiến thắng|đánh bại|chinh phục)/i],
  ['shifted', /(phát minh|ra đời|xuất hiện|được tạo ra).*(\d{3,4}|thế kỷ|sớm hơn|muộn hơn)/i],
  ['became', /(trở thành|đi|chuyển|học|chọn|lấy|làm|bỏ)/i],
];

/** Pronouns turned towards the reader: the scenario tells "you" the life "I" asked about. */
const englishPronouns: [RegExp, string][] = [
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

const vietnamesePronouns: [RegExp, string][] = [[/(^|\s)(tôi|mình|tớ|em)(?=\s|$|[,.?!])/gi, '$1bạn']];

export function towardsReader(text: string, language: ScenarioLanguage): string {
  const rules = language === 'vi' ? vietnamesePronouns : englishPronouns;
  return rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** The question without its "what if" frame and trailing "what would happen?". */
export function coreOfQuestion(question: string, language: ScenarioLanguage): string {
  const normalized = question.normalize('NFC').replace(/\s+/g, ' ').trim();
  const leads = language === 'vi' ? vietnameseLeads : englishLeads;
  const tails = language === 'vi' ? vietnameseTails : englishTails;
  const core = normalized.replace(tails, '').replace(leads, '').trim();
  return core;
}

function splitEnglish(core: string): [string, string] {
  const thereWas = core.match(/^there (?:was|were|had been) (?:no|never (?:a|an|any)?)\s*(.+)$/i);
  if (thereWas) return [thereWas[1]!, 'never existed'];
  const words = core.split(' ');
  const verbAt = words.findIndex(
    (word, index) => index > 0 && (englishVerbs.has(word.toLowerCase()) || /^[a-z]+ed$/.test(word)),
  );
  if (verbAt <= 0) return [core, ''];
  return [words.slice(0, verbAt).join(' '), words.slice(verbAt).join(' ')];
}

function splitVietnamese(core: string): [string, string] {
  const lower = core.toLowerCase();
  let best = -1;
  for (const verb of vietnameseVerbs) {
    const at =
      lower.indexOf(` ${verb} `) >= 0
        ? lower.indexOf(` ${verb} `)
        : lower.endsWith(` ${verb}`)
          ? lower.length - verb.length - 1
          : -1;
    if (at > 0 && (best < 0 || at < best)) best = at;
  }
  if (best <= 0) return [core, ''];
  return [core.slice(0, best).trim(), core.slice(best).trim()];
}

/** "the Roman Empire never fell" → subject "the Roman Empire", change "never fell". */
export function splitSubjectAndChange(question: string, language: ScenarioLanguage): SubjectAndChange {
  const core = coreOfQuestion(question, language);
  // A question that is all frame ("What if???") still gets a scenario, about change itself.
  const [rawSubject, rawChange] =
    core.length === 0
      ? language === 'vi'
        ? ['một thay đổi nhỏ', 'xảy ra']
        : ['one small change', 'happened']
      : language === 'vi'
        ? splitVietnamese(core)
        : splitEnglish(core);
  const personal =
    language === 'vi'
      ? /^(tôi|mình|tớ|em)$/i.test(rawSubject) || /(^|\s)(tôi|mình)(\s|$)/i.test(rawSubject)
      : /^(i|my\b.*|me)$/i.test(rawSubject);
  const kinds = language === 'vi' ? vietnameseKinds : englishKinds;
  const kind = kinds.find(([, pattern]) => pattern.test(rawChange))?.[0] ?? 'gained';
  return {
    subject: towardsReader(rawSubject, language),
    change: towardsReader(rawChange, language),
    personal,
    kind,
  };
}
