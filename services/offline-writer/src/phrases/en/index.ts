import type { PhraseBank } from '../types';
import { englishFraming } from './framing';
import { englishNatureAndLifeStories } from './nature-and-life-stories';
import { englishWorldStories } from './world-stories';

export const english: PhraseBank = {
  ...englishFraming,
  stories: { ...englishWorldStories, ...englishNatureAndLifeStories },
};
