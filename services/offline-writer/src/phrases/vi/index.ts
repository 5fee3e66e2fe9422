import type { PhraseBank } from '../types';
import { vietnameseFraming } from './framing';
import { vietnameseNatureAndLifeStories } from './nature-and-life-stories';
import { vietnameseWorldStories } from './world-stories';

export const vietnamese: PhraseBank = {
  ...vietnameseFraming,
  stories: { ...vietnameseWorldStories, ...vietnameseNatureAndLifeStories },
};
