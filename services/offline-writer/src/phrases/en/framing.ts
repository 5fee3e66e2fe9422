import type { PhraseBank } from '../types';

/** Titles, premise, continuation, voice, narration, people and tags, in English. */
export const englishFraming: Omit<PhraseBank, 'stories'> = {
  titles: {
    absent: ['A World Without {subject}', 'Without {subject}', 'The World That Never Had {subject}'],
    ended: ['The End of {subject}', 'After {subject}', 'When {subject} Was Gone'],
    paused: [
      '{duration} Without {subject}',
      'When {subject} Stopped',
      'The Pause: {duration} Without {subject}',
    ],
    endured: ['{subject}, Unbroken', 'The Long Life of {subject}', '{subject}, Still Standing'],
    won: ['The Victory of {winner}', 'When {winner} Beat {loser}', '{winner}, Victorious'],
    lost: ['The Defeat of {loser}', 'When {winner} Beat {loser}', '{loser}, Defeated'],
    arrived: ['{change}', 'When {datedClause}'],
    became: ['{subject}, {role}', '{change}'],
    gained: ['When {clause}', 'A World in Which {clause}'],
    chose: ['The Other Road: {path}', '{path}: A Life'],
  },
  subtitles: {
    serious: ['A Counterfactual History', 'How One Change Spread', 'The Road Not Taken'],
    playful: ['What Could Possibly Go Wrong?', 'A Slightly Ridiculous History', 'Nobody Saw This Coming'],
    dramatic: ['The Day Everything Turned', 'Everything Changes', 'No Way Back'],
    academic: ['An Exercise in Counterfactual Analysis', 'A Study in Divergence', 'Causes and Consequences'],
  },
  premise: {
    anchored: {
      any: [
        'History records that {recordedWhen} {recorded}. In this scenario, {datedClause}.',
        'Our history books say that {recordedWhen} {recorded}. Here, {datedClause}.',
      ],
      arrived: [
        'History records that {recordedWhen} {recorded}. In this scenario, {datedClause} instead.',
        'Every textbook agrees that {recordedWhen} {recorded}. In this one, {datedClause}.',
      ],
    },
    free: {
      any: [
        'The world is the one we know until a single fact gives way: {datedClause}.',
        'Change one thing and follow it honestly: {datedClause}.',
      ],
      chose: [
        'Picture the version of your life in which {datedClause}. Same person, same starting point; one decision turned the other way.',
        'Somewhere in a neighbouring timeline, {datedClause}. This is that life, told from the start.',
      ],
    },
    scope: {
      serious: [
        'What follows traces the consequences from {startLabel} to {endLabel}.',
        'The scenario follows the change from {startLabel} to {endLabel}.',
      ],
      playful: [
        'Buckle up: we are going from {startLabel} to {endLabel}, and it gets weird.',
        'From {startLabel} to {endLabel}, things escalate. Cheerfully.',
      ],
      dramatic: [
        'From {startLabel} to {endLabel}, nothing will be spared.',
        'The road runs from {startLabel} to {endLabel}, and there is no turning back.',
      ],
      academic: [
        'The analysis covers the period from {startLabel} to {endLabel}, noting where the evidence is thin.',
        'We examine the causal chain from {startLabel} to {endLabel}.',
      ],
    },
  },
  continuation: {
    title: ['What Became of {focus}', '{focus} After {parentLabel}', '{focus}: The Next Chapter'],
    premise: [
      '“{parentTitle}” left off {parentWhen}. The question now is what happens to {focus}.',
      'This picks up where “{parentTitle}” left off, {parentWhen}, and follows {focus}.',
      'The earlier story left off {parentWhen}. Now it follows {focus}.',
    ],
  },
  asides: {
    world: {
      serious: [
        'The cost is counted later.',
        'Few see how much depends on {motif}.',
        'Nothing is settled yet.',
        'Not everyone agrees.',
      ],
      playful: [
        'The mapmakers are speechless.',
        'The paperwork is legendary.',
        'Everyone around {motif} pretends this was the plan all along.',
        'Somebody writes a very smug letter.',
      ],
      dramatic: [
        'Nothing will be the same.',
        'No going back now.',
        'The ground shifts beneath {motif}.',
        'The world holds its breath.',
      ],
      academic: [
        'Sources here are uneven.',
        'The causal link is debated.',
        'The evidence is indirect.',
        'Records of {motif} document this phase best.',
      ],
    },
    nature: {
      serious: ['No one can hurry it.', 'Slow, and lasting.', 'Each step is small.'],
      playful: [
        'Nature asks nobody’s permission.',
        'The weather forecasters have a long week.',
        'Somewhere a tiny shrew sighs.',
      ],
      dramatic: ['The planet holds its breath.', 'A whole future closes.', 'Nothing is safe.'],
      academic: [
        'The record here is sparse.',
        'A textbook case of adaptation.',
        'An inference from indirect evidence.',
      ],
    },
    life: {
      serious: ['It costs more than expected.', 'You nearly quit. You do not.', 'It is the right call.'],
      playful: ['Your mother has opinions.', 'So does your bank balance.', 'You buy a plant to celebrate.'],
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
        'And that, more or less, is how one small change made a whole new mess of a world.',
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
  figures: {
    knownTwist: [
      '{historicRole} in our history; here, a central figure in {change}',
      '{historicRole}, whose choices in this history follow from {change}',
      '{historicRole} in our history; in this one, one of the first to see what {change} means',
    ],
    youRole: ['the person who made the choice', 'the one who took the other road'],
  },
  tags: {
    domain: {
      history: 'history',
      nature: 'nature',
      technology: 'technology',
      places: 'geography',
      culture: 'culture',
      society: 'society',
      personal: 'life choices',
      myth: 'fantasy',
    },
    group: {
      without: 'absence',
      pause: 'disruption',
      with: 'alternate history',
      victory: 'war and peace',
      choice: 'personal',
    },
    tone: { serious: 'serious', playful: 'playful', dramatic: 'dramatic', academic: 'academic' },
  },
};
