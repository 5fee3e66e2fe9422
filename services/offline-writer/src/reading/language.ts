import type { ScenarioLanguage } from '@what-if/contracts';

/**
 * Letters that occur in Vietnamese and in no English word: the vowels with a breve, circumflex
 * or horn, đ, and the tone marks over vowels. Two or more of them settle it; English text,
 * even with a loanword like "café", carries at most a stray one.
 */
const vietnameseLetters = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/giu;

/** Common Vietnamese words written without diacritics, as people often type on phones. */
const unaccentedVietnameseWords =
  /\b(neu|nhu the nao|chuyen gi|se ra sao|khong|nguoi|nuoc|chien tranh|lich su)\b/i;

/** A question that opens the Vietnamese way is Vietnamese, however few marks follow. */
const vietnameseOpeners = /^\s*(nếu|giả sử|điều gì|chuyện gì|thử tưởng tượng)/i;

export function detectLanguage(text: string): ScenarioLanguage {
  if (vietnameseOpeners.test(text.normalize('NFC'))) return 'vi';
  const marked = text.match(vietnameseLetters)?.length ?? 0;
  if (marked >= 2) return 'vi';
  if (unaccentedVietnameseWords.test(text.normalize('NFC'))) return 'vi';
  return 'en';
}
