import type { Story } from '../types';

/** English stories of nature (over years, over deep time, over hours and days), of one life, and of a follow-up. */

const natureByDomain: Story['byDomain'] = {
  politics: {
    any: [
      'Governments argue over who pays for adapting to {change}, and the poorest regions wait longest.',
      'New agencies are created to watch {motif}, and their budgets become a political fight.',
    ],
    pause: [
      'Emergency committees meet around the clock, and the crisis becomes a test of every government’s competence.',
    ],
  },
  technology: {
    any: [
      'Scientists build new instruments to measure {change}, and engineers design around it.',
      'Research money pours into {secondMotif}, and the first practical fixes follow.',
    ],
    pause: ['Satellites, sensors and models are upgraded so that the next such event is seen coming.'],
  },
  culture: {
    any: [
      'Artists and writers make {change} a symbol; it turns up in songs, sermons and school plays.',
      'Old stories about {motif} are retold, and new ones are written.',
    ],
    pause: ['Poems and films about the strange stretch of time appear within the year.'],
  },
  dailyLife: {
    any: [
      'Ordinary people feel it in the price of food, in the weather and in what they teach their children about {thirdMotif}.',
      'Daily routines shift: what people eat, grow and worry about follows {change}.',
    ],
    pause: [
      'Food prices jump, then settle; people remember where they were, and keep a little extra in the cupboard.',
    ],
  },
};

const nature: Story = {
  stages: [
    {
      with: [
        '{clause}. The first measurable effects appear in {motif}, and scientists scramble to explain them.',
        '{clause}. For the first days it is a curiosity; then {motif} [begins|begin] to change.',
      ],
      without: [
        '{clause}. The first effects are physical: {motif} [changes|change] before anyone understands why.',
        '{clause}, and the processes that depended on it begin, one by one, to falter.',
      ],
    },
    {
      any: [
        'Scientists measure, argue and publish; {figure} produces the first model that fits the data.',
        'Field stations report changes in {motif} faster than the journals can print them.',
      ],
    },
    {
      with: [
        'Plants and animals that live closest to {motif} respond first: some thrive, others struggle.',
        'The body adapts first, then habits: what people eat and how they spend the day begin to shift.',
      ],
      without: [
        'Living things that depended on {subject} struggle first; the food chain passes the shortage upwards.',
        'Species that need less of what {subject} gave them take the ground the others lose.',
      ],
    },
    {
      any: [
        'Farming and fishing adapt: {secondMotif} [is|are] managed by people who can no longer count on the old rhythms.',
        'Farmers change crops and calendars, and {figure} advises governments on what to plant where.',
      ],
    },
    {
      any: [
        'Ecosystems rearrange themselves around {change}; the species that suit the new conditions spread.',
        'A generation later, landscapes look different: {thirdMotif} [has|have] found a new balance.',
      ],
    },
    {
      any: [
        'A hard decade tests the new balance: droughts, floods or disease hit {motif}, and recovery is slow.',
        'Scientists warn that the change is not finished; {secondFigure} becomes the best-known voice of caution.',
      ],
    },
    {
      any: [
        'Medicine, building and farming have been rebuilt around {change}.',
        'The new balance holds: {secondMotif} and {thirdMotif} settle into patterns no naturalist of ours would recognise.',
      ],
    },
    {
      any: [
        'Today, naturalists here find it hard to imagine the world any other way; {change} is simply part of nature.',
        'Looking back, scientists trace the shape of the living world, from {motif} to {thirdMotif}, to {change}.',
      ],
    },
  ],
  divergence: {
    any: ['The point of divergence: {datedClause}.', 'One fact of nature changes: {datedClause}.'],
  },
  stakes: {
    with: [
      'Nature does not stand still around the change: {motif} and {secondMotif} find themselves in a different contest for the same ground.',
      'Every living system downstream of the change rearranges itself, from {motif} to {secondMotif}.',
    ],
    without: [
      'Everything that relied on {subject}, from {motif} to {secondMotif}, has to find another way or decline.',
      'Nature has redundancy, but not endless redundancy: {motif} and {secondMotif} show where it runs out.',
    ],
  },
  consequences: {
    immediate: {
      with: ['The physical effects come first, in {motif}, within days.'],
      without: [
        'The physical effects come first: without {subject}, {motif} [starts|start] to change at once.',
      ],
    },
    shortTerm: {
      any: [
        'Within a few years, plants, animals and farmers have adapted, or failed to, and the difference shows in {secondMotif}.',
      ],
    },
    longTerm: {
      any: [
        'In the long run, {change} redraws the living map: which species thrive, where people farm and how they live.',
      ],
    },
  },
  byDomain: natureByDomain,
  roles: [
    'a field biologist who documents the first changes',
    'a farmer who changes crops before the neighbours do',
    'a climate scientist who models {change}',
    'a doctor who sees its effects on the body',
    'an official who writes the adaptation plan',
  ],
  motifs: ['the forests', 'the farms', 'the oceans', 'the rivers', 'the food chain', 'the weather'],
  assumptions: {
    any: [
      'The laws of physics and chemistry are the ones we know; only the question’s change is different.',
      'Living things adapt through the usual means: migration, selection and luck.',
      'People respond with the science and technology of the time.',
    ],
  },
};

const natureDeep: Story = {
  stages: [
    {
      with: [
        '{clause}. Nothing that lives yet can notice, but the difference is already at work.',
        '{clause}. The catastrophe or the calm that follows sets the terms for everything after.',
      ],
      without: [
        '{clause}. The young world goes on without it, and nothing yet knows the difference.',
        '{clause}, and the planet begins a history with one fewer thread in it.',
      ],
    },
    {
      any: [
        'Over the first ages the difference shapes {motif}, slowly and for good.',
        'The early record, written in rock and sediment, already differs from ours in {motif}.',
      ],
    },
    {
      any: [
        'Life carries on under the new rules, in the oceans first, shaped by {change}.',
        'The living world finds its footing: whatever suits {change} spreads, whatever does not, dwindles.',
      ],
    },
    {
      any: [
        'Evolution works with what it is given; bodies, rhythms and seasons follow {change}.',
        'New forms appear that our history never produced, suited to {secondMotif}.',
      ],
    },
    {
      any: [
        'Mass extinctions come and go; the survivors are the ones best suited to {change}.',
        'Continents drift, climates swing, and {secondMotif} [is|are] reshaped again and again.',
      ],
    },
    {
      any: [
        'New forms spread across the continents, and {thirdMotif} [looks|look] unlike anything in our fossil record.',
        'The great families of animals settle into roles different from the ones we know.',
      ],
    },
    {
      any: [
        'Whatever becomes of the ancestors of humans, they evolve in a world shaped for ages by {change}.',
        'The last stretch before our time still bears the mark of {change}, in {motif} above all.',
      ],
    },
    {
      any: [
        'Today the living world is recognisably different: {thirdMotif} [is|are] the product of ages of {change}.',
        'Today’s scientists study {motif} and wonder, as ours do, how things could have been otherwise.',
      ],
    },
  ],
  divergence: {
    any: [
      'The point of divergence: {datedClause}.',
      'The one difference in the record of the Earth: {datedClause}.',
    ],
  },
  stakes: {
    with: [
      'Over deep time a small difference compounds: {motif} and {secondMotif} end up far from what we know.',
      'Evolution has hundreds of millions of years to work with {change}, and it uses them.',
    ],
    without: [
      'Everything that would have depended on {subject}, from {motif} to {secondMotif}, evolves another way or not at all.',
      'Remove one thread from the Earth’s early history and the whole weave changes, {motif} first.',
    ],
  },
  consequences: {
    immediate: {
      any: ['The first effects are physical and slow: {motif} [behaves|behave] differently from the start.'],
    },
    shortTerm: {
      any: [
        'Over millions of years, life adapts to {change}, and {secondMotif} [takes|take] a different path.',
      ],
    },
    longTerm: {
      any: ['By the present day, {change} has shaped the whole living world, and any humans in it.'],
    },
  },
  roles: [
    'a palaeontologist who reads the difference in the rocks',
    'a geologist who dates the first traces of {change}',
    'an astronomer who explains {change} to the public',
  ],
  motifs: [
    'the oceans',
    'the continents',
    'the climate',
    'the first forests',
    'the coastlines',
    'the atmosphere',
  ],
  assumptions: {
    any: [
      'The Earth forms and moves as it did; only the question’s change is different.',
      'Life arises and evolves by the same processes as in our history.',
      'Over such long spans, small differences compound rather than cancel out.',
    ],
  },
};

const natureShort: Story = {
  stages: [
    {
      with: [
        '{clause}. The first minutes are spent in disbelief; instruments around {motif} confirm it.',
        '{clause}. Nobody is ready, and the first reports sound like errors.',
      ],
      any: [
        '{clause}. At first almost nothing looks different; the first effects begin in {motif}.',
        '{clause}. Nobody sees it happen; the first sign is a line on a scientist’s screen.',
      ],
    },
    {
      any: [
        'Instruments notice before people do: readings for {motif} drift away from their normal values.',
        'Scientists on night shifts call each other, then their governments; {figure} is among the first to understand.',
      ],
    },
    {
      any: [
        'By now the news leads every bulletin, and {figure} becomes the most quoted voice on {secondMotif}.',
        'Governments hold emergency meetings; the questions are all about {secondMotif}.',
      ],
    },
    {
      pause: [
        'It is over as suddenly as it began. The gap is small in the records and large in the headlines.',
        'It ends as abruptly as it began, and everyone checks what it cost.',
      ],
      with: [
        'By now the change is measurable everywhere, and {secondMotif} [is|are] changing with it.',
        'The effects are visible to everyone now, and they reach {secondMotif}.',
      ],
      any: [
        'By now the losses are real: {secondMotif} [is|are] already changing, and there is no sign of recovery.',
        'There is no sign that {subject} will return; plans made for a short emergency are torn up.',
      ],
    },
    {
      any: [
        'The knock-on effects show up where the margins were thinnest: {thirdMotif}.',
        'The shock passes from one living thing to the next, and {thirdMotif} [feels|feel] it last and longest.',
      ],
    },
    {
      pause: [
        'Researchers count the damage and find it smaller than feared in most places, and larger in a few.',
        'Most of nature recovers quickly; {thirdMotif} [takes|take] longer, and some losses stay.',
      ],
      with: [
        'Living things that cannot adapt decline; others flourish, and {thirdMotif} [is|are] rebuilt around them.',
      ],
      any: [
        'Food chains break where they depended on {subject}; whole populations crash.',
        'People and nature settle into a harsher balance; what survives is what could do without {subject}.',
      ],
    },
    {
      with: [
        'Engineers and officials work around the new conditions; {secondFigure} leads the effort to adapt.',
        'The damage is counted and the repairs begin, in {secondMotif} first.',
      ],
      pause: [
        'Budgets for monitoring double, and {secondFigure} argues for a backup plan nobody had thought to need.',
        'Scientists use the records of those days for years; they become the best-studied hours in the history of the planet.',
      ],
      any: [
        'Survival now depends on substitutes and stores; {secondFigure} leads the effort to stretch them.',
        'The world that remains is organised around what {subject} used to do, and how to do without it.',
      ],
    },
    {
      with: [
        'A year on, the episode is a chapter in textbooks and a line in every risk register.',
        'Looking back, people remember the strangeness of those days more than the damage.',
      ],
      pause: [
        'A year on, the episode is a chapter in textbooks and a line in every risk register.',
        'Looking back, most people remember the strangeness more than the damage.',
      ],
      any: [
        'The world that remains is a different one: quieter, poorer in life, and still learning what it lost.',
        'Looking back, survivors date everything from that day: before, and after.',
      ],
    },
  ],
  divergence: { any: ['The point of divergence: {datedClause}.', 'Without warning, {datedClause}.'] },
  stakes: {
    pause: [
      'Even a short gap shows how much depends on {subject}: {motif} and {secondMotif} feel it within hours.',
      'It does not last, but while it lasts, {motif} and {secondMotif} run on reserves.',
    ],
    with: ['The change is sudden, and {motif} and {secondMotif} have no time to adapt.'],
    any: [
      'Everything that depends on {subject}, from {motif} to {secondMotif}, is tested at once.',
      'Nature has reserves, but they run out: {motif} and {secondMotif} show how fast.',
    ],
  },
  consequences: {
    immediate: {
      pause: [
        'For its duration, everything that runs on {subject} runs on reserves instead, starting with {motif}.',
      ],
      any: ['The physical effects come within hours, starting with {motif}.'],
    },
    shortTerm: {
      pause: [
        'Once it is over, most systems bounce back within weeks, and recovery takes longest for {secondMotif}.',
      ],
      any: ['Within weeks, the losses spread through {secondMotif} and the food chain.'],
    },
    longTerm: {
      with: [
        'In the long run the episode leaves better monitoring and better plans, and a lasting respect for the forces of nature.',
      ],
      pause: [
        'In the long run the episode leaves better monitoring and better plans, and a lasting respect for {subject}.',
      ],
      any: ['In the long run, the world is rebuilt around the absence, and much of it is lost for good.'],
    },
  },
  byDomain: natureByDomain,
  roles: [
    'a scientist on the night shift who sees the first data',
    'a farmer who watches the fields for signs',
    'an official who coordinates the response',
    'a doctor who treats the first cases',
    'a journalist who explains {change} to everyone else',
  ],
  motifs: ['the air', 'the fields', 'the oceans', 'the food chain', 'the weather', 'the rivers'],
  assumptions: {
    any: [
      'The change is global and instant; everything else follows the laws of physics we know.',
      'People respond with the knowledge and equipment they actually have.',
      'Living things draw on their reserves exactly as biology says they can.',
    ],
  },
};

const personal: Story = {
  stages: [
    {
      choice: [
        '{clause}. It does not feel like a turning point; it feels like an ordinary day.',
        'The choice is made: {path}. Friends and family have opinions, and you go ahead anyway.',
      ],
    },
    {
      choice: [
        'The first year is the hardest: new routines, new people, and moments when {otherPath} looks better.',
        'Nothing is familiar yet. You learn the new rules by getting them wrong.',
      ],
    },
    {
      choice: [
        'You find your feet; {figure} becomes the friend who makes the new life feel like yours.',
        'Small victories add up, and {figure} is there for most of them.',
      ],
    },
    {
      choice: [
        'Work and love arrive in the new setting; {secondFigure} is part of both.',
        'You build something of your own: a routine, a reputation, a home.',
      ],
    },
    {
      choice: [
        'A setback tests the choice: money, health or a family crisis. You come through it, changed.',
        'For a while it goes badly, and you wonder if {otherPath} would have been wiser. You stay.',
      ],
    },
    {
      choice: [
        'You are good at this now; younger people ask your advice about {path}.',
        'The life you chose has become simply your life, with its own worries and its own rewards.',
      ],
    },
    {
      choice: [
        'Looking back from middle age, you can see how much followed from that one choice.',
        'Your children, your friends and your work all carry the mark of the road you took.',
      ],
    },
    {
      choice: [
        'Late in life, you still wonder about {otherPath} now and then, but you would not trade the life you have.',
        'Looking back, the choice seems obvious, though it did not feel that way at the time.',
      ],
    },
  ],
  divergence: { any: ['The choice: {datedClause}.', 'The turning point of your life: {datedClause}.'] },
  stakes: {
    any: [
      'The people you meet, the city you wake up in and the worries you carry all follow from that one choice.',
      'Nothing magical happens; the difference is in the thousand ordinary days that follow.',
    ],
  },
  consequences: {
    immediate: { any: ['Your days change at once: new routines, new people, new worries.'] },
    shortTerm: {
      any: [
        'Within a few years you have a different circle of friends, different skills and a different idea of success.',
      ],
    },
    longTerm: {
      any: ['In the long run, the choice shapes where you live, who you love and what you are proud of.'],
    },
  },
  roles: [
    'a friend who makes the new life feel like home',
    'a partner met along the way',
    'a mentor who opens a door',
  ],
  motifs: ['your family', 'your old friends', 'your first home', 'your savings', 'your daily routine'],
  assumptions: {
    any: [
      'You are the same person, with the same talents and flaws; only the choice differs.',
      'The people around you react as they would have in real life.',
      'Luck is neither better nor worse than it was.',
    ],
  },
};

const continuation: Story = {
  stages: [
    {
      any: [
        'Everyone watches what becomes of {focus} now that the world has turned.',
        'The first question after the turning point is about {focus}, and nobody agrees on the answer.',
      ],
    },
    {
      any: [
        '{figure} argues that {focus} must change with the times; others want to keep everything as it was.',
        'The people around {focus} split into camps, and {figure} leads the bolder one.',
      ],
    },
    {
      any: [
        'Reforms reshape {focus}: new rules, new members and new rivals around {motif}.',
        'Old habits give way; for {focus}, the new arrangement is both an opportunity and a threat.',
      ],
    },
    {
      any: [
        'A challenge arrives from outside, and the fate of {focus} hangs on the response of {secondMotif}.',
        'Neighbours and rivals test {focus}; the answer sets the pattern for years.',
      ],
    },
    {
      any: [
        'A generation later, {focus} [is|are] both older and newer than anyone expected.',
        'The young know {focus} only in a new form, and cannot imagine the old one.',
      ],
    },
    {
      any: [
        'A crisis tests {focus} again; {secondFigure} leads the response.',
        'Hard times come, and {focus} [is|are] blamed for some of them, and credited with the recovery.',
      ],
    },
    {
      any: [
        'By now the role of {focus} in this world is settled, and unlike anything in our history.',
        'The new shape of {focus} is copied elsewhere, and becomes a model for {thirdMotif}.',
      ],
    },
    {
      any: [
        'Looking back, historians here see the fate of {focus} as the clearest mark of how far this world has travelled.',
        'By then, {focus} [is|are] a symbol of the whole branching history, argued over and admired.',
      ],
    },
  ],
  divergence: {
    any: [
      'The story branches here, with {focus} at its centre.',
      'From this point the story follows {focus}.',
    ],
  },
  stakes: {
    any: [
      'The question now is what becomes of {focus}, and what that means for {motif} and {secondMotif}.',
      'What happens to {focus} will decide much of what follows, from {motif} to {secondMotif}.',
    ],
  },
  consequences: {
    immediate: {
      any: ['For {focus}, the first consequence is uncertainty, and the first to act gain most.'],
    },
    shortTerm: {
      any: [
        'Within a few years, {focus} [has|have] found a new place, and {secondMotif} [has|have] adjusted to it.',
      ],
    },
    longTerm: {
      any: ['In the long run, the fate of {focus} shapes how this world remembers its own turning point.'],
    },
  },
  roles: [
    'a witness who writes down what happens to {focus}',
    'a reformer who wants {focus} to change',
    'a defender of the old ways',
  ],
  motifs: ['the capital', 'the old institutions', 'the younger generation', 'the neighbours'],
  assumptions: {
    any: [
      'The world is the one the earlier scenario described, up to the point where this one picks up.',
      'People remember what happened before and act on it.',
    ],
  },
};

export const englishNatureAndLifeStories = {
  nature,
  'nature-deep': natureDeep,
  'nature-short': natureShort,
  personal,
  continuation,
};
