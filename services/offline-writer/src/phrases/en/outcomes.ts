import type { PhraseBank } from '../types';

/** Consequences, key figures and plausibility, in English. */
export const englishOutcomes: Pick<PhraseBank, 'consequences' | 'byDomain' | 'figures' | 'plausibility'> = {
  consequences: {
    world: {
      immediate: [
        'Confusion first. The people who depended on {m1} scramble to work out who is now in charge of what.',
        'The first effects are practical: plans involving {m1} are redrawn, and whoever adapts fastest around {m2} gains an edge.',
      ],
      shortTerm: [
        'Within a generation the change is institutional: everything to do with {m2} is organised around it, and the old way survives only in arguments.',
        'Over the next decades {m2} and {m3} settle into new patterns, and rivals who bet on the old order lose ground.',
      ],
      longTerm: [
        'Centuries on, {S} sits at the root of a different modern world: its languages, borders and habits all carry the mark of the change.',
        'In the long run the world is neither better nor worse, only differently arranged; nothing shows how far it drifted from ours more clearly than {m3}.',
      ],
    },
    deep: {
      immediate: [
        'The catastrophe still kills much of what lives, but the lineages of {S} keep their hold on the large bodies and the open ground.',
        'Food webs shudder and recover; the heirs of {S} are among the first to return.',
      ],
      shortTerm: [
        'Over a few million years the survivors diversify again, and the mammals remain small specialists of the night.',
        'The world refills in a familiar pattern: big reptiles and birds of every size, with {m1} shaped around them.',
      ],
      longTerm: [
        'There are no great apes, no farms and no cities built by people; if intelligence appears, it grows from the heirs of {S}.',
        'The planet today is a world of feathers and scales, and the story of mammals is a footnote.',
      ],
    },
    life: {
      immediate: [
        'Your days change at once: a new schedule, new people, and the odd feeling of being a beginner again.',
        'The first weeks are full of small shocks — the paperwork, the homesickness, the sudden silence where the old life used to be.',
      ],
      shortTerm: [
        'Within a few years you have a new circle, new skills and a new idea of what a good week looks like.',
        'The choice starts paying back, slowly: competence, confidence and a few friends who knew you only in this life.',
      ],
      longTerm: [
        'Decades later, the choice has shaped where you live, whom you love and what you are known for.',
        'In the long run you become a different version of the same person: the core stays, the story around it is new.',
      ],
    },
  },
  byDomain: {
    politics: [
      'Power reorganises around {S}: those who control {m1} gain a say in everything else.',
      'Governments learn to tax, regulate and take credit for {S}.',
    ],
    technology: [
      'Invention follows the change: the tools that matter most are the ones built to serve {m2}.',
      'Engineers solve different problems first, so familiar machines arrive late, early or not at all.',
    ],
    culture: [
      'Songs, sermons and jokes are written about {S}; within a generation it is part of how people explain themselves.',
      'Artists treat {m3} the way ours treat the sea or the city: as the backdrop to every story.',
    ],
    dailyLife: [
      'Ordinary days bend around {m1}: what people eat, where they work and how far they travel.',
      'For most people the change is felt in small things — prices, journeys, the shape of a working day.',
    ],
  },
  figures: {
    knownTwist: {
      world: [
        '{role}; in this scenario, someone whose choices carry a different weight',
        '{role}, whose part in the story is rewritten here',
        '{role}; here, at the centre of the turning point',
      ],
      deep: [
        '{role}, whose work in our world marks the moment this scenario changes',
        '{role}; in this world, there is no one to do that work',
      ],
    },
    inventedRoles: {
      world: [
        'a clerk who keeps the records of {m1} and sees the change before the powerful do',
        'a merchant who bets everything early on the new order',
        'a veteran official who opposes the change and loses',
        'a reformer who turns {S} into a cause',
        'a chronicler whose account of the turning point becomes the standard one',
      ],
      deep: [
        'a palaeontologist in our world whose fossils hint at what might have been',
        'a field biologist who models the ecosystems of the surviving lineages',
      ],
      // In story order: {f1} is the friend of the first year, {f2} the partner.
      life: [
        'a friend from the first hard year who becomes your closest ally',
        'the person you build a home with',
        'a rival who makes you better at what you do',
        'the mentor who takes you seriously before anyone else does',
      ],
    },
    youRole: ['you, the one who made the choice', 'you, living the other life'],
  },
  plausibility: {
    byKind: {
      survived: [
        'The forces that ended {Sraw} in our history were weaker, slower or resisted better.',
        'No single cause was decisive, so one different outcome is enough.',
      ],
      'never-existed': [
        'People find other ways to meet the need {Sraw} met in our history.',
        'The conditions that produced {Sraw} never came together.',
      ],
      won: [
        'A few decisions on the day went the other way; the wider balance of forces stays the same.',
        'The winners could hold what they won for at least a generation.',
      ],
      lost: [
        'The defeat comes from the day itself, not from a weaker cause or a weaker people.',
        'The winners could hold what they won for at least a generation.',
      ],
      shifted: [
        'The knowledge and materials it needs were available earlier than they were in our history.',
        'Someone had a reason to build it and the means to spread it.',
      ],
      became: [
        'You had the means and the nerve to make the choice at that age.',
        'The people around you did not talk you out of it.',
      ],
      gained: [
        'The change holds consistently, with no hidden catch.',
        'Everything not directly touched by the change works as it does in our world.',
      ],
    },
    byFamily: {
      world: [
        'Human nature, geography and climate are unchanged.',
        'Other societies react in their own interest, as they always have.',
      ],
      deep: [
        'Evolution works as it does in our world: no foresight, only survival.',
        'Climate changes over millions of years follow the record we know.',
      ],
      life: [
        'Luck is ordinary, neither kind nor cruel.',
        'You keep your character; only the circumstances change.',
      ],
    },
  },
};
