import type { Scenario } from '@what-if/contracts';
import { makeScenario, makeVietnameseScenario } from '../../../../test/support/scenario-fixtures';

/** What video's tests hold fixed: one creation time and one tag, so slides and captions are known. */
const videoDefaults = (): Partial<Scenario> => ({ tags: ['test'], createdAt: '2026-01-01T00:00:00.000Z' });

/** An English scenario, as history stores it; overrides change what a test is about. */
export const englishScenario = (overrides: Partial<Scenario> = {}): Scenario =>
  makeScenario({ ...videoDefaults(), ...overrides });

/** A Vietnamese scenario: every tone mark and đ the slides and the voice must get right. */
export const vietnameseScenario = (overrides: Partial<Scenario> = {}): Scenario =>
  makeVietnameseScenario({ ...videoDefaults(), ...overrides });
