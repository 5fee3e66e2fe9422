import type { PhraseBank } from '../types';
import { vietnameseOutcomes } from './outcomes';
import { vietnameseStory } from './story';
import { vietnameseVoice } from './voice';

export const vietnamese: PhraseBank = { ...vietnameseStory, ...vietnameseOutcomes, ...vietnameseVoice };
