import type { PhraseBank } from '../types';

/** Titles, premise, point of divergence and the timeline's stages, in English. */
export const englishStory: Pick<
  PhraseBank,
  'titles' | 'titleSubtitles' | 'premise' | 'divergence' | 'timeline' | 'continuation'
> = {
  titles: {
    survived: [
      '{Headline}',
      'The Long Afternoon of {Stitle}',
      '{Stitle}, Unbroken',
      'After the End That Never Came',
    ],
    'never-existed': ['{Headline}', 'A World Without {Stitle}', 'The Missing Piece: {Stitle}'],
    won: ['{Headline}', 'The Victory of {Stitle}', '{Stitle} Victorious'],
    lost: ['{Headline}', 'The Defeat of {Stitle}', 'When {Stitle} Fell Short'],
    shifted: ['{Headline}', '{Stitle}, Out of Its Time', 'Too Soon: {Stitle}'],
    became: [
      '{Headline}',
      'The Other Road: {pathTitle}',
      'The Life Where {CpastTitle}',
      '{pathTitle}: A Life',
    ],
    gained: ['{Headline}', 'The Age of {Stitle}', 'A World Where {CpastTitle}'],
  },
  titleSubtitles: {
    serious: ['A Counterfactual History', 'How One Change Spread', 'The Road Not Taken'],
    playful: ['What Could Possibly Go Wrong?', 'A Slightly Ridiculous History', 'Nobody Saw This Coming'],
    dramatic: ['The Day Everything Turned', 'Everything Changes', 'No Way Back'],
    academic: ['An Exercise in Counterfactual Analysis', 'A Study in Divergence', 'Causes and Consequences'],
  },
  premise: {
    anchored: [
      'History records that {start} {recorded}. In this scenario it goes the other way: {Cpast}.',
      '{start}, {recorded} — or so our history says. Here the thread snaps differently, and {Cpast}.',
      'Every textbook agrees that {start} {recorded}. This one does not: {Cpast}.',
    ],
    free: {
      world: [
        'Change one thing and follow it honestly: {Cpast}. Apart from that, the world of {startLabel} starts out exactly as we know it.',
        'The world is the one we know until a single fact gives way: {Cpast}.',
        'Imagine the moment when {Cpast}, and nothing else bends to make it easier.',
      ],
      deep: [
        'Rewind the clock {start} and change one outcome: {Cpast}.',
        'The story begins {start}, long before anyone could write it down, with a single difference: {Cpast}.',
      ],
      life: [
        'Picture the version of your life in which {Cpast}. Same person, same starting point; one decision turned the other way.',
        'Somewhere in a neighbouring timeline, {Cpast}. This is that life, told from the start.',
        'It begins with one choice made differently: {Cpast}.',
      ],
    },
    stakes: {
      politics: [
        'Power that should have drained away stays where it was, and {m1}, {m2} and {m3} must find their place in a map that never redrew itself.',
        'The question is no longer who inherits {m1}, but who can live with {m2} still standing.',
      ],
      war: [
        'A battle decides more than a border: the fate of {m1} and {m2} now hangs on a different outcome.',
        'The soldiers go home to a different peace, and {m1} and {m2} are bargained over by different winners.',
      ],
      technology: [
        'A tool changes whoever holds it: {m1}, {m2} and {m3} have to make room for it.',
        'The consequences run through {m1} and {m2} long before anyone thinks to name them.',
      ],
      nature: [
        'Life does not stand still around the change: {m1} and {m2} find themselves in a different contest for the same ground.',
        'Every ecosystem downstream of the change rearranges itself, from {m1} to {m2}.',
      ],
      society: [
        'The habits everyone takes for granted are rebuilt from the ground up, and {m1} and {m2} look nothing like ours.',
        'People still need to trade, trust and share; they simply do it through {m1} and {m2} instead.',
      ],
      life: [
        'The people you meet, the city you wake up in and the worries you carry all follow from that one choice.',
        'Nothing magical happens; the difference is in the thousand ordinary days that follow.',
      ],
      myth: [
        'The old stories turn out to be field guides, and {m1} and {m2} become matters of policy.',
        'What was legend becomes logistics: {m1}, {m2} and {m3} all need rules now.',
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
  divergence: {
    anchored: [
      'Where history records that {recorded}, here {Cpast}.',
      'The moment our history remembers — {recorded} — turns out otherwise: {Cpast}.',
    ],
    free: {
      world: ['{Cpast_cap}.', 'The single change: {Cpast}.'],
      deep: ['{Cpast_cap}.', 'The one difference in the record of life: {Cpast}.'],
      life: ['{Cpast_cap}.', 'The choice: {Cpast}.'],
    },
  },
  timeline: {
    world: [
      [
        '{Cpast_cap}. Those closest to {m1} notice first, and nobody yet has a word for what has changed.',
        'It happens with less noise than anyone expects: {Cpast}. The people who depend on {m1} are the first to understand it.',
        '{Cpast_cap}, and the first to feel it are the people around {m1}.',
      ],
      [
        'Rumours about {S} move faster than anyone can answer them; {f1} is among the few who see the opening early.',
        'The first winners and losers appear around {m1}, and {f1} makes sure to be among the winners.',
        'Nobody agrees on what the change means, but everyone near {m2} has to act as if they do.',
      ],
      [
        'New rules are written around {m2}. What had been an exception around {S} becomes the way things are done.',
        '{f2} argues that the new order needs rules of its own, and the business of {m2} is rebuilt around them.',
        'The old arrangements around {m2} are patched, then quietly replaced.',
      ],
      [
        'The change spreads beyond its birthplace: through {m3}, it reaches people who never asked for it.',
        'Neighbours copy what works. By way of {m3}, the world shaped by {S} reaches far from where the story began.',
      ],
      [
        'A generation grows up that has never known any other arrangement of {m1}; to them, this is simply how things are.',
        'Children born after the turning point take {S} for granted, and their grandparents’ stories about the old ways sound like fairy tales.',
      ],
      [
        'The first real crisis: a quarrel over {m2} tests whether the new order around {S} can hold. It bends, and holds.',
        'Hard times come. Trouble around {m3} gives critics a reason to blame {S}; the reforms that follow outlast the critics.',
      ],
      [
        'The world settles into the shape {S} gave it. A traveller from our timeline would recognise the mountains and rivers, but not {m1} or {m2}.',
        'By now the change shapes maps, budgets and habits, and nothing about {m1} resembles our history.',
      ],
      [
        'Historians here argue about the turning point the way ours argue about anything settled; most agree that everything hinged on the moment when {Cpast}.',
        'Looking back, the long shadow of the day when {Cpast} falls across {m1}, {m2} and {m3} alike.',
        'Schoolchildren in this world learn about {S} as the beginning of their modern age, and cannot picture it going any other way.',
      ],
    ],
    deep: [
      [
        '{Cpast_cap}. The sky darkens for a season, but the great lineages come through and the world keeps its old masters.',
        'Against the odds, {Cpast}. The winter after the catastrophe is long, yet it is not the end of {S}.',
      ],
      [
        'The survivors spread back into empty ground; the lineages of {S} reclaim the forests within a few hundred thousand years.',
        'Recovery is slow and uneven, but the heirs of {S} are the first to return to the open plains.',
      ],
      [
        'With {S} still holding the large bodies, the mammals never get the chance to grow big; they remain small, nocturnal and watchful.',
        'The niches that mammals filled in our history stay taken, and they live in the margins, as they always have.',
      ],
      [
        'The climate cools and grasslands spread. New lineages descended from {S} learn to graze and run in herds across {m2}.',
        'Seas retreat and new continents of grass open up; the descendants of {S} follow them.',
      ],
      [
        'Ice ages come and go. The heirs of {S} that survive them are smaller, warmer-blooded and cleverer than their ancestors.',
        'A cold world rewards insulation and wits: feathers thicken, brains grow, and life around {m3} is reshaped by the survivors.',
      ],
      [
        'Among the feathered hunters, brains keep growing. Tool use appears, then something that might be called language.',
        'One lineage learns to cooperate in large groups, and the landscape begins to show its handiwork.',
      ],
      [
        'No apes ever come down from the trees in numbers; the role that people played in our history belongs to the heirs of {S}.',
        'The primates stay small and arboreal. The planet’s first thinkers will have scales and feathers, not hair.',
      ],
      [
        'The world today still belongs to the heirs of {S}. The mammals share it, still small and careful, and no human city has ever stood on it.',
        'Today, museums in this world — if their builders keep museums — display the bones of the small mammals that never got their chance.',
      ],
    ],
    life: [
      [
        '{Cpast_cap}. The decision takes an afternoon; living with it will take years.',
        '{Cpast_cap}. At the time it feels less like a turning point than a long, nervous breath.',
        'You make the call, and {Cpast}. Nobody around you is quite sure it is wise.',
      ],
      [
        'The first year after {path} is the hardest. Everything that once came easily has to be learned again, and {f1} is the first person who makes it feel possible.',
        'New routines, new people, new mistakes. {f1} becomes the friend you call when it goes badly.',
      ],
      [
        'The doubts arrive on schedule. You think about {otherLife} more often than you admit, but you stay with this one.',
        'Money is tight and the hours are long; you learn what the choice actually costs.',
      ],
      [
        'Something clicks. The life that began with {path} finally feels like yours, and people start to rely on you.',
        'A small success, then a bigger one. For the first time the new life feels like yours rather than a borrowed coat.',
      ],
      [
        '{f2} enters your life, and with them a version of home you had not planned for.',
        'You put down roots: an apartment with your name on the lease, a circle of friends, and {f2}.',
      ],
      [
        'Midway through, you meet someone who chose {otherLife}. The conversation lasts until after midnight.',
        'A setback tests the choice again. You could still turn back; you find you no longer want to.',
      ],
      [
        'Now younger people ask you for advice. You tell them the truth: the choice mattered less than what you did with it.',
        'The life has a settled shape: the work, the people, the places you know by heart.',
      ],
      [
        'Looking back, you can trace almost everything — friends, city, the shape of your days — to the moment when {Cpast}.',
        'You rarely think about the other road any more, and when you do it is with curiosity rather than regret.',
      ],
    ],
  },
  continuation: {
    title: ['{base}: The Story Continues from {parentLabel}', '{base}, Continued from {parentLabel}'],
    premise: [
      'The story picks up {parentWhen}. {parentEvent_cap} This is what happens next, in a world where {Cpast}.',
      'We return to {parentWhen}. {parentEvent_cap} From there the branch runs on, still shaped by the moment when {Cpast}.',
    ],
    divergence: ['{parentEvent_cap}', 'Picking up from {parentWhen}: {parentEvent}'],
    firstEntry: [
      'The story moves on from {parentLabel}. In a world where {Cpast}, {m1} and {m2} are the first to change again.',
      'Nothing stands still after {parentLabel}: in a world where {Cpast}, the next turn begins around {m1}.',
    ],
  },
};
