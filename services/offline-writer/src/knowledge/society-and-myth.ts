import type { Entity } from './entity';

/** Institutions a society is built on, and the creatures and powers of myth. */
export const societyAndMythAnchors: Entity[] = [
  {
    id: 'money',
    kind: 'institution',
    patterns: { en: /\b(money|coins?|currency|cash)\b/i, vi: /(tiền tệ|đồng tiền|tiền bạc|\btiền\b)/i },
    name: { en: 'money', vi: 'tiền tệ' },
    time: { scale: 'year', year: -600 },
    domain: 'society',
    recorded: {
      en: 'the kings of Lydia struck the first coins of electrum',
      vi: 'các vua xứ Lydia đúc những đồng xu đầu tiên bằng hợp kim vàng bạc',
    },
    motifs: {
      en: [
        'the marketplaces',
        'the temple granaries',
        'the tally sticks',
        'debts and favours',
        'the caravans',
        'the tax collectors',
      ],
      vi: [
        'các khu chợ',
        'kho lúa của đền thờ',
        'những que khắc nợ',
        'nợ nần và ân tình',
        'các đoàn lữ hành',
        'những người thu thuế',
      ],
    },
    figures: [
      {
        name: { en: 'Alyattes of Lydia', vi: 'vua Alyattes xứ Lydia' },
        role: {
          en: 'the king whose mints struck the first coins',
          vi: 'vị vua cho đúc những đồng xu đầu tiên',
        },
      },
    ],
    culture: 'latin',
  },
  {
    id: 'dragons',
    kind: 'creature',
    patterns: { en: /\b(dragons?)\b/i, vi: /(\brồng\b|loài rồng)/i },
    name: { en: 'dragons', vi: 'loài rồng' },
    plural: true,
    domain: 'myth',
    recorded: { en: 'dragons lived only in stories', vi: 'rồng chỉ sống trong truyện kể' },
    motifs: {
      en: [
        'the mountain roosts',
        'the herds on the high pastures',
        'the fire-proof towns',
        'the dragon-riders',
        'the hoards',
      ],
      vi: [
        'những hang ổ trên núi cao',
        'các đàn gia súc trên đồng cỏ',
        'những thị trấn chống lửa',
        'những kỵ sĩ cưỡi rồng',
        'những kho báu',
      ],
    },
  },
  {
    id: 'magic',
    kind: 'process',
    patterns: { en: /\b(magic|wizards?|witch(es)?|spells?)\b/i, vi: /(phép thuật|pháp sư|phù thủy)/i },
    name: { en: 'magic', vi: 'phép thuật' },
    domain: 'myth',
    recorded: { en: 'magic was a stage trick', vi: 'phép thuật chỉ là trò ảo thuật trên sân khấu' },
    motifs: {
      en: [
        'the spell-guilds',
        'the first academies of the art',
        'the licensing boards',
        'the hedge-witches',
        'the old grimoires',
      ],
      vi: [
        'các hội pháp sư',
        'những học viện phép thuật đầu tiên',
        'các hội đồng cấp phép',
        'những bà phù thủy làng quê',
        'những cuốn sách phép cổ',
      ],
    },
  },
  {
    id: 'time-travel',
    kind: 'invention',
    patterns: {
      en: /\b(time travel|time machines?|travel back in time)\b/i,
      vi: /(du hành thời gian|cỗ máy thời gian)/i,
    },
    name: { en: 'time travel', vi: 'du hành thời gian' },
    domain: 'myth',
    recorded: { en: 'time ran one way only', vi: 'thời gian chỉ chảy theo một chiều' },
    motifs: {
      en: [
        'the chronology office',
        'the first departure hall',
        'the paradox courts',
        'the tourists from next century',
      ],
      vi: [
        'cục quản lý niên biểu',
        'sảnh khởi hành đầu tiên',
        'tòa án nghịch lý',
        'những du khách đến từ thế kỷ sau',
      ],
    },
  },
];
