import { hashSharePassword, verifySharePassword } from '../src/share-passwords';

test('a share password opens only its own hash; a stored hash that cannot be read opens nothing', async () => {
  const hash = await hashSharePassword('correct horse');
  expect(await verifySharePassword(hash, 'correct horse')).toBe(true);
  expect(await verifySharePassword(hash, 'wrong horse')).toBe(false);
  // A damaged or foreign value in the table must fail closed, not throw and not let anyone in.
  for (const damaged of ['', 'not a hash', hash.slice(0, 40), '$2b$10$abcdefghijklmnopqrstuv']) {
    expect(await verifySharePassword(damaged, 'correct horse')).toBe(false);
  }
});
