import type { PhraseBank } from '../types';

/** The tone of voice, narration, tags and motifs, in English. */
export const englishVoice: Pick<PhraseBank, 'asides' | 'narration' | 'domainMotifs' | 'tags'> = {
  asides: {
    world: {
      serious: [
        'The cost is counted later.',
        'Few see how much depends on {m1}.',
        'Who gains most from {S} is unclear.',
        'Nothing is settled yet.',
      ],
      playful: [
        'The mapmakers are speechless.',
        'Someone, somewhere, writes a very smug letter about {S}.',
        'The paperwork is legendary.',
        'Everyone around {m1} pretends this was the plan all along.',
      ],
      dramatic: [
        'Nothing will be the same.',
        'No going back now.',
        'The ground shifts beneath {m1}.',
        'The world holds its breath.',
      ],
      academic: [
        'Sources here are uneven.',
        'The causal link to {S} is debated.',
        'The evidence is indirect.',
        'Records of {m1} document this phase best.',
      ],
    },
    deep: {
      serious: ['No one is there to see it.', 'Slow, and permanent.', 'Each step is small.'],
      playful: [
        'Evolution asks nobody’s permission.',
        'The mammals are not thrilled.',
        'Somewhere a tiny shrew sighs.',
        'Feathers: still a great idea.',
      ],
      dramatic: ['The planet holds its breath.', 'A whole future closes.', 'Nothing walking is safe.'],
      academic: [
        'The fossil record here is sparse.',
        'A textbook adaptive radiation.',
        'An inference from comparative anatomy.',
      ],
    },
    life: {
      serious: ['It costs more than expected.', 'You nearly quit. You do not.', 'It is the right call.'],
      playful: [
        'Your mother has opinions.',
        'So does your bank balance.',
        'You buy a plant to celebrate.',
        'Nobody warned you about the paperwork.',
      ],
      dramatic: ['No going back now.', 'Everything hangs on this.', 'The old life slips away.'],
      academic: [
        'A typical consolidation phase.',
        'Social support matters most here.',
        'Outcomes now diverge sharply.',
      ],
    },
  },
  narration: {
    opening: {
      serious: ['Consider a different past.', 'This is a story about one change, and everything it touched.'],
      playful: [
        'Okay, imagine this.',
        'Here is a fun one.',
        'Grab a snack, because history is about to go sideways.',
      ],
      dramatic: ['Everything turns on a single moment.', 'Listen. The world you know is about to break.'],
      academic: [
        'Let us examine a counterfactual.',
        'Consider the following divergence from the historical record.',
      ],
    },
    bridge: {
      serious: ['Then,', 'After that,', 'In time,', 'Later,'],
      playful: ['Next up,', 'Then, naturally,', 'Fast forward:', 'And then,'],
      dramatic: ['And then,', 'Soon,', 'Before long,', 'At last,'],
      academic: ['Subsequently,', 'In the following period,', 'Thereafter,', 'Later still,'],
    },
    closing: {
      serious: [
        'One change, followed honestly, was enough to make a different world.',
        'That is where the story leaves us: somewhere close to ours, and far from it.',
      ],
      playful: [
        'And that, more or less, is how one tiny change made a whole new mess of a world.',
        'Not bad for one little change, right?',
      ],
      dramatic: [
        'One moment. One change. A whole world, remade.',
        'And all of it began with a single turning point.',
      ],
      academic: [
        'The exercise shows how a single divergence propagates through connected systems.',
        'The counterfactual remains speculative, but the chain of consequences is internally consistent.',
      ],
    },
  },
  domainMotifs: {
    politics: [
      'the capital',
      'the provinces',
      'the old aristocracy',
      'the tax rolls',
      'the border garrisons',
      'the royal council',
    ],
    war: [
      'the generals',
      'the border forts',
      'the supply lines',
      'the veterans',
      'the peace talks',
      'the occupied towns',
    ],
    technology: [
      'the workshops',
      'the patent offices',
      'the first engineers',
      'the factories',
      'the universities',
      'the investors',
    ],
    nature: ['the food webs', 'the coastlines', 'the forests', 'the farms', 'the oceans', 'the seasons'],
    society: [
      'the markets',
      'the schools',
      'the neighbourhoods',
      'the courts',
      'the family budgets',
      'the town councils',
    ],
    life: ['your family', 'your old friends', 'the first apartment', 'your savings', 'your daily routine'],
    myth: [
      'the villages',
      'the old stories',
      'the scholars',
      'the border towns',
      'the churches',
      'the insurance companies',
    ],
  },
  tags: {
    family: {
      world: ['alternate history', 'counterfactual'],
      deep: ['deep time', 'evolution'],
      life: ['personal', 'life choices'],
    },
    domain: {
      politics: 'politics',
      war: 'war',
      technology: 'technology',
      nature: 'nature',
      society: 'society',
      life: 'life',
      myth: 'fantasy',
    },
    tone: { serious: 'serious', playful: 'playful', dramatic: 'dramatic', academic: 'academic' },
  },
};
