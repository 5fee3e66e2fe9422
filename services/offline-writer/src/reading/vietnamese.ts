import type { Arc } from './frame';
import type { Reading } from './reading';
import { findAge, findDate, findDuration, without } from './time-expressions';

const leads =
  /^(?:và\s+|vậy\s+|thế\s+)?(?:(?:điều|chuyện)\s+gì\s+(?:sẽ\s+|đã\s+)?(?:xảy\s+ra|diễn\s+ra)\s+nếu(?:\s+như)?|thế\s+giới\s+sẽ\s+(?:ra\s+sao|thế\s+nào|như\s+thế\s+nào)\s+nếu(?:\s+như)?|sẽ\s+(?:ra\s+sao|thế\s+nào)\s+nếu(?:\s+như)?|thử\s+tưởng\s+tượng(?:\s+nếu(?:\s+như)?|\s+rằng)?|hãy\s+tưởng\s+tượng(?:\s+nếu(?:\s+như)?|\s+rằng)?|giả\s+sử(?:\s+như|\s+rằng)?|giả\s+như|nếu\s+như|nếu|neu)(?:\s+|$)/i;
const tails =
  /[\s,;:-]*(?:thì\s+)?(?:(?:điều|chuyện)\s+gì\s+sẽ\s+(?:xảy\s+ra|diễn\s+ra)|thế\s+giới\s+sẽ\s+(?:ra\s+sao|thế\s+nào)|(?:mọi\s+chuyện\s+)?sẽ\s+(?:ra\s+sao|thế\s+nào|như\s+thế\s+nào)|ra\s+sao|thì\s+sao|thế\s+nào|như\s+thế\s+nào|sao)?[\s?!.…]*$/i;

const followUps: RegExp[] = [
  /^(?:và\s+|rồi\s+|sau\s+đó\s+|tiếp\s+theo\s+)*(?:chuyện|điều)\s+gì\s+(?:đã\s+|sẽ\s+)?(?:xảy\s+ra|xảy\s+đến|đến)(?:\s+(?:với|cho)\s+(.+?))?(?:\s+(?:tiếp\s+theo|sau\s+đó|tiếp|nữa))?$/i,
  /^(?:và\s+|rồi\s+)?(?:còn\s+)?(.+?)\s+(?:thì\s+)?(?:sau\s+đó\s+)?(?:sẽ\s+|đã\s+)?(?:ra\s+sao|thế\s+nào|như\s+thế\s+nào|phản\s+ứng\s+(?:ra\s+sao|thế\s+nào)|làm\s+gì)(?:\s+(?:tiếp\s+theo|sau\s+đó|nữa))?$/i,
  /^(?:và\s+)?còn\s+(.+?)(?:\s+thì\s+sao)?$/i,
  /^(?:và\s+)?(?:rồi|sau\s+đó|tiếp\s+theo)(?:\s+thì)?(?:\s+(?:sao|thế\s+nào|ra\s+sao|gì))?(?:\s+nữa)?$/i,
];

/** Words that start a Vietnamese predicate; longer phrases first so "trở thành" wins over "thành". */
const verbs = [
  'không bao giờ',
  'chưa bao giờ',
  'chưa từng',
  'không hề',
  'chẳng bao giờ',
  'trở thành',
  'chiến thắng',
  'đánh bại',
  'đánh thắng',
  'phát minh',
  'phát hiện',
  'ra đời',
  'biến mất',
  'tồn tại',
  'sụp đổ',
  'tuyệt chủng',
  'xuất hiện',
  'có thể',
  'ngừng',
  'dừng',
  'ngưng',
  'tắt',
  'chuyển',
  'không',
  'chưa',
  'chẳng',
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
  'nằm',
  'đặt',
  'đóng đô',
  'dời',
  'thất bại',
  'phát hiện ra',
  'tìm ra',
  'chảy',
  'cưới',
  'gặp',
  'viết',
  'vẽ',
  'sáng tác',
  'xây',
  'mất',
  'thành',
  'biết',
  'bỏ',
  'ở lại',
  'đến',
  'lên',
];

/**
 * Negation, auxiliaries and the copula come first: in "Vạn Lý Trường Thành chưa từng được xây
 * dựng" the predicate starts at "chưa từng", not at the "thành" inside the name.
 */
const auxiliaries = [
  'không bao giờ',
  'chưa bao giờ',
  'chưa từng',
  'không hề',
  'chẳng bao giờ',
  'có thể',
  'trở thành',
  'không',
  'chưa',
  'chẳng',
  'đã',
  'được',
  'bị',
  'vẫn',
  'sẽ',
  'là',
];

function earliest(lower: string, candidates: readonly string[]): number {
  let best = -1;
  for (const verb of candidates) {
    const inside = lower.indexOf(` ${verb} `);
    const at = inside >= 0 ? inside : lower.endsWith(` ${verb}`) ? lower.length - verb.length - 1 : -1;
    if (at > 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

function split(core: string): [string, string] {
  const lower = core.toLowerCase();
  const auxiliary = earliest(lower, auxiliaries);
  const best = auxiliary > 0 ? auxiliary : earliest(lower, verbs);
  if (best <= 0) return [core, ''];
  return [core.slice(0, best).trim(), core.slice(best).trim()];
}

const negation = /(^|\s)(không|chưa|chẳng|chả|đừng|thiếu|mất)(\s|$)/i;

/** A pattern whose alternatives match whole Vietnamese words only: "cạn" (dried up) is not inside "cạnh" (beside). */
function wholeWords(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'iu');
}

const arcPatterns = {
  endured: wholeWords(
    String.raw`(không|chưa|chẳng)\s+(?:bao\s+giờ\s+|hề\s+|từng\s+)?(?:bị\s+)?(?:sụp\s+đổ|sụp|diệt\s+vong|tuyệt\s+chủng|tan\s+rã|mất\s+nước|chết|qua\s+đời|biến\s+mất|chia\s+cắt|chia\s+đôi|suy\s+tàn|tàn\s+lụi|ngừng|dừng|khô\s+cạn|cạn\s+kiệt|cạn|chìm|đắm|cháy|bị\s+thiêu\s+rụi|bị\s+chôn\s+vùi)|(không|chưa|chẳng)\s+(?:bao\s+giờ\s+|hề\s+|từng\s+)?bị\s+(?:đánh\s+bại|chinh\s+phục|tiêu\s+diệt|xâm\s+chiếm|diệt|đô\s+hộ)|vẫn\s+(?:còn|tồn\s+tại|sống|đứng\s+vững|trị\s+vì|cai\s+trị)|sống\s+sót|tồn\s+tại\s+đến|trường\s+tồn|sống\s+lâu\s+hơn|sống\s+(?:đến|tới|thêm)`,
  ),
  notLost: wholeWords(String.raw`(không|chưa|chẳng)\s+(?:bao\s+giờ\s+|hề\s+)?(?:thua|bại\s+trận|thất\s+bại)`),
  lost: wholeWords(
    String.raw`(thua|bị\s+đánh\s+bại|thất\s+bại|đầu\s+hàng|bại\s+trận|bị\s+chinh\s+phục)|(không|chưa|chẳng)\s+(?:thể\s+|hề\s+)?(?:đánh\s+bại|đánh\s+thắng|thắng|chiến\s+thắng|đẩy\s+lùi|đánh\s+đuổi|giành\s+lại|cản\s+được|ngăn\s+được|giữ\s+được)`,
  ),
  absent: wholeWords(
    String.raw`(không|chưa|chẳng)\s+(?:bao\s+giờ\s+|từng\s+|hề\s+)*(?:được\s+)?(?:tồn\s+tại|phát\s+minh|phát\s+hiện|ra\s+đời|xuất\s+hiện|xảy\s+ra|diễn\s+ra|có|tạo\s+ra|xây|xây\s+dựng|sinh\s+ra|tìm\s+ra|gặp|viết|sáng\s+tác|thành\s+lập|hình\s+thành|tiến\s+hóa|tổ\s+chức|in|đến|phun\s+trào|tìm\s+ra|khám\s+phá|chế\s+tạo|thuần\s+hóa)`,
  ),
  won: wholeWords(
    String.raw`(thắng|chiến\s+thắng|đánh\s+bại|chinh\s+phục|đẩy\s+lùi|đánh\s+đuổi|giành\s+được)`,
  ),
  ended: wholeWords(
    String.raw`(biến\s+mất|ngừng|dừng|ngưng|tắt|sụp\s+đổ|diệt\s+vong|tuyệt\s+chủng|cạn|tan\s+chảy|tan\s+rã|mất\s+điện|sập|bị\s+cấm|bị\s+xóa\s+bỏ|chia\s+cắt)`,
  ),
  arrived: wholeWords(
    String.raw`(phát\s+minh|phát\s+hiện|ra\s+đời|xuất\s+hiện|được\s+tạo\s+ra|được\s+xây|tìm\s+ra|khám\s+phá|đặt\s+chân|đến|thành\s+lập|xuất\s+bản)`,
  ),
  gained: wholeWords(String.raw`(có\s+thể|biết|có\s+|mọc|sống\s+mãi|bất\s+tử|là\s+có\s+thật|có\s+thật)`),
  became: wholeWords(String.raw`(trở\s+thành|là|thành|nằm|chảy|nói|đặt|đóng\s+đô|dời)`),
};

function arcOf(predicate: string): Arc {
  if (arcPatterns.endured.test(predicate)) return 'endured';
  if (arcPatterns.notLost.test(predicate)) return 'won';
  if (arcPatterns.lost.test(predicate)) return 'lost';
  if (arcPatterns.absent.test(predicate)) return 'absent';
  if (arcPatterns.won.test(predicate)) return 'won';
  if (arcPatterns.ended.test(predicate)) return 'ended';
  if (arcPatterns.arrived.test(predicate)) return 'arrived';
  if (arcPatterns.gained.test(predicate)) return 'gained';
  if (arcPatterns.became.test(predicate)) return 'became';
  return 'gained';
}

function objectOf(predicate: string, arc: Arc): string | undefined {
  if (arc === 'won' || arc === 'lost') {
    const match = predicate.match(
      /(?:đánh\s+bại|đánh\s+thắng|chiến\s+thắng|thắng|thua|chinh\s+phục|đẩy\s+lùi|đánh\s+đuổi|trước|cản\s+được|ngăn\s+được)\s+(?!ở\s|tại\s|trong\s|trận\s)(.+)$/i,
    );
    return match?.[1]?.replace(/^(?:được|nổi|xong)\s+/i, '');
  }
  if (arc === 'became') {
    const role = predicate.match(/(?:trở\s+thành|là|thành)\s+(.+)$/i)?.[1];
    // A role is a noun phrase ("thủ đô của…"); "xanh tốt" is a state.
    return role && !/^(?:rất|vẫn|còn|xanh|đẹp|giàu|nghèo|lớn|nhỏ)(?:\s|$)/i.test(role) ? role : undefined;
  }
  return undefined;
}

/** "tôi" anywhere is the asker; "mình", "tớ", "em" only when they stand alone ("anh em nhà Wright" are brothers). */
const pronouns: [RegExp, string][] = [
  [/(^|\s)tôi(?=\s|$|[,.?!])/gi, '$1bạn'],
  [/^(mình|tớ|em)$/gi, 'bạn'],
];

export function towardsReaderVietnamese(text: string): string {
  return pronouns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

export function coreOfVietnamese(question: string): string {
  return question.normalize('NFC').replace(/\s+/g, ' ').trim().replace(tails, '').replace(leads, '').trim();
}

export function readVietnamese(question: string): Reading {
  const core = coreOfVietnamese(question);
  const whole = question
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.…\s]+$/, '');
  for (const pattern of followUps) {
    const match = core.match(pattern) ?? whole.replace(leads, '').match(pattern);
    if (match) {
      const focus = match[1]?.trim();
      return {
        core,
        subject: focus ? towardsReaderVietnamese(focus) : '',
        predicate: '',
        arc: 'gained',
        negated: false,
        personal: false,
        followUp: { focus: focus ? towardsReaderVietnamese(focus) : undefined },
      };
    }
  }
  const date = findDate(core, 'vi');
  const duration = findDuration(core, 'vi');
  const bare = without(without(core, date), duration).replace(/\s+(?:lại|nữa)$/i, '');
  const existential = bare.match(
    /^(?:(?:trên\s+)?(?:thế\s+giới|trái\s+đất)\s+)?(không\s+(?:hề\s+|còn\s+)?có|chẳng\s+có|chưa\s+(?:từng\s+)?có|có\s+(?:hai|ba|nhiều|thêm)|có)\s+(.+)$/i,
  );
  if (existential) {
    const none = /^(không|chẳng|chưa)/i.test(existential[1]!);
    const count = none ? '' : existential[1]!.replace(/^có\s*/i, '');
    return {
      core,
      subject: `${count ? `${count} ` : ''}${existential[2]!}`.trim(),
      predicate: none ? 'không tồn tại' : 'xuất hiện',
      arc: none ? 'absent' : 'gained',
      negated: none,
      personal: false,
      date: date?.value,
      duration: duration?.value,
    };
  }
  const [subject, said] = split(bare);
  const asker = /^(tôi|mình|tớ|em|chúng tôi|chúng mình)$/i.test(subject);
  // "năm 18 tuổi" dates a life; "Alexander sống đến 80 tuổi" keeps its number in the change.
  const age = asker ? findAge(said, 'vi') : undefined;
  const predicate = without(said, age);
  // "Trái Đất không có Mặt Trăng": what is missing is the Moon, not the Earth.
  const lacking = predicate.match(/^(?:không|chẳng|chưa)\s+(?:hề\s+|còn\s+|từng\s+)?có\s+(.+)$/i);
  if (lacking && !/^(tôi|mình|tớ|em|chúng tôi)$/i.test(subject)) {
    return {
      core,
      subject: lacking[1]!,
      predicate: 'không tồn tại',
      arc: 'absent',
      negated: true,
      personal: false,
      date: date?.value,
      duration: duration?.value,
    };
  }
  const personal =
    /^(tôi|mình|tớ|em|chúng tôi|chúng mình)$/i.test(subject) || /(^|\s)(của\s+)?tôi$/i.test(subject);
  const detected = arcOf(predicate);
  const arc: Arc = personal
    ? 'chose'
    : duration && (detected === 'ended' || detected === 'absent')
      ? 'paused'
      : detected;
  const object = objectOf(predicate, arc);
  const made = predicate.match(
    /(?:phát\s+minh|phát\s+hiện|tìm|khám\s+phá|xây\s+dựng|xây|viết|sáng\s+tác|vẽ|tạo|làm|thuần\s+hóa|chế\s+tạo|dùng|sử\s+dụng)(?:\s+ra)?\s+(?!(?:ở|tại|vào|năm|trong|cho|với)\s)(.+)$/i,
  )?.[1];
  return {
    core,
    subject: towardsReaderVietnamese(subject),
    predicate: towardsReaderVietnamese(predicate),
    arc,
    negated: negation.test(` ${predicate} `),
    personal,
    object: object?.replace(/[,;].*$/, '').trim(),
    date: date?.value,
    duration: duration?.value,
    age: age?.value,
    ...(made ? { made: made.replace(/[,;].*$/, '').trim() } : {}),
  };
}
