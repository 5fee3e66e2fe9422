import { en } from '@/i18n/messages/en';
import { vi } from '@/i18n/messages/vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalogues', () => {
  test('English and Vietnamese have exactly the same keys', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message is written in both languages, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, text: en[key].trim().length > 0 }).toEqual({ key, text: true });
      expect({ key, text: vi[key].trim().length > 0 }).toEqual({ key, text: true });
      expect({ key, placeholders: placeholders(vi[key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]),
      });
    }
  });

  test('Vietnamese is written with its diacritics, not as bare ASCII', () => {
    expect(vi['ask.heading']).toBe('Nếu như…?');
    const withDiacritics = Object.values(vi).filter((text) => /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/.test(text));
    expect(withDiacritics.length).toBeGreaterThan(Object.keys(vi).length / 2);
  });
});
