import { query } from '@/api/client';

describe('query strings the app sends', () => {
  test('spaces go as %20 and a plus sign as %2B, so no API reads a space as a reserved "+"', () => {
    expect(query({ q: 'champa kingdom', tag: 'c++' })).toBe('?q=champa%20kingdom&tag=c%2B%2B');
  });

  test('empty, null and undefined values are left out; nothing left is no query at all', () => {
    expect(query({ q: '', cursor: undefined, tag: null, limit: 20 })).toBe('?limit=20');
    expect(query({ q: '' })).toBe('');
  });

  test('Vietnamese text is percent-encoded as UTF-8', () => {
    expect(query({ q: 'lịch sử' })).toBe('?q=l%E1%BB%8Bch%20s%E1%BB%AD');
  });
});
