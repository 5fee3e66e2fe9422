import type { PhraseBank } from '../types';
import { englishOutcomes } from './outcomes';
import { englishStory } from './story';
import { englishVoice } from './voice';

export const english: PhraseBank = { ...englishStory, ...englishOutcomes, ...englishVoice };
