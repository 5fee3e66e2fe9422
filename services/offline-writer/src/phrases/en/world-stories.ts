import type { Story } from '../types';

/**
 * English stories of the human world: states and wars, inventions, places, culture, society.
 * Slots never stand as the subject of a verb that must agree with them ("the Mongols wins"):
 * they sit after a preposition, before a modal, or in the object.
 */

const worldByDomain: Story['byDomain'] = {
  politics: {
    with: [
      'Power is organised around {change}: the offices, alliances and rivalries that follow from it decide who governs {motif}.',
      'Governments that had planned for a different world rewrite their plans; the politics of {motif} turns on {change}.',
    ],
    without: [
      'Without {subject}, power is shared among smaller players, and no single voice speaks for {motif}.',
      'The gap left by {subject} is filled by others: coalitions, rivals and newcomers who compete for {motif}.',
    ],
    victory: [
      'The treaties are written by {winner}, and for a long time the politics of {motif} means staying on good terms with the victors.',
    ],
    pause: [
      'Emergency committees meet around the clock, and the crisis becomes the first test of every government’s competence.',
    ],
  },
  technology: {
    any: [
      'Inventions travel along the routes that {change} opened or closed; the needs of {secondMotif} decide where the money for new tools goes.',
      'Engineers solve the problems {change} sets them, and the tools they build spread well beyond {secondMotif}.',
    ],
    pause: [
      'Backup systems that nobody had tested are tested now; whatever fails is rebuilt, and whatever works is copied.',
    ],
  },
  culture: {
    any: [
      'Writers, painters and teachers tell the story of {change} as the founding story of their world.',
      'Songs and stories about {change} become part of what every child knows, told differently in every region.',
    ],
    pause: [
      'Books and films about the crisis appear within the year; the best of them are about the people who kept things running.',
    ],
  },
  dailyLife: {
    any: [
      'Ordinary people feel it in prices, in work and in the rules they live by, and most of all around {thirdMotif}.',
      'Daily life adjusts quietly: people change what they buy, where they work and what they expect from {thirdMotif}.',
    ],
    pause: [
      'People remember where they were when it happened, and for a while they keep spare supplies at home.',
    ],
  },
};

const history: Story = {
  stages: [
    {
      with: [
        '{clause}. Those closest to {motif} are the first to understand that the world has turned.',
        'It happens with less noise than anyone expects: {clause}.',
      ],
      without: [
        '{clause}, and the map of power has a hole in it that others rush to fill.',
        '{clause}. Around {motif}, people who expected one future begin to plan for another.',
      ],
      victory: [
        'Victory goes to {winner}, not to {loser}. The news travels slower than the soldiers, but it travels.',
        'The decisive day belongs to {winner}; the army of {loser} falls back from the field.',
      ],
    },
    {
      any: [
        'Rivals recalculate overnight; {figure} is among the first to see where the advantage now lies.',
        'News of {change} travels fast, and everyone with a stake in {motif} has to decide what it means for them.',
      ],
      victory: [
        'The defeated side sues for terms, and the negotiations drag on for months; {figure} is at the table.',
        'The survivors of the defeat regroup around {motif}, counting what they have lost.',
      ],
    },
    {
      any: [
        'New laws are written around {motif}; what was an emergency measure becomes the way things are done.',
        '{figure} argues that the new order needs institutions of its own, and {secondMotif} [is|are] rebuilt to match.',
      ],
      without: [
        'Local rulers fill the gap, each with their own laws, and the land around {motif} splits along lines nobody had drawn before.',
        'With no power above them, the lords of {motif} raise their own taxes and their own armies.',
      ],
      victory: [
        'The victors reward their allies: control of {motif} changes hands, and so do the offices that run it.',
        'A new administration arrives in the conquered lands, and with it new taxes, new officials and a new language of command.',
      ],
    },
    {
      with: [
        'Neighbours adjust their alliances to {change}, and trade through {secondMotif} follows the new lines.',
        'The change spreads beyond its birthplace: by way of {secondMotif}, it reaches people who never asked for it.',
      ],
      without: [
        'No single power manages what our history gave to one; alliances form and dissolve around {secondMotif}.',
        'Neighbours who once feared a great power now fear each other, and {secondMotif} [becomes|become] a frontier.',
      ],
      victory: [
        'A treaty fixes the new borders, and {secondMotif} [ends|end] up on the winners’ side of the line.',
        'Allies who backed the losing side pay for it in land and in gold.',
      ],
    },
    {
      any: [
        'A generation grows up for whom {change} is simply how the world is arranged, and {thirdMotif} [is|are] their inheritance.',
        'Children now learn about {change} as the beginning of their own history, and about {figure} as one of its central figures.',
      ],
    },
    {
      any: [
        'The first great crisis: a quarrel over {motif} tests the new order. It bends, and holds, at a price.',
        'Hard years come. Famine and revolt around {thirdMotif} give critics their chance, and the reforms that follow outlast them.',
      ],
      victory: [
        'Resistance smoulders among those who remember the defeat; an uprising in the conquered provinces is put down, but not forgotten.',
      ],
    },
    {
      any: [
        'Trade, law and language follow the map that {change} drew; a traveller from our history would recognise the rivers, but not {secondMotif}.',
        'By now the change shapes borders, budgets and habits, and nothing about {motif} resembles the history we know.',
      ],
    },
    {
      any: [
        'Historians here argue about turning points the way ours do, and most agree that everything hinged on {change}.',
        'Looking back, the long shadow of {change} falls across {motif}, {secondMotif} and {thirdMotif} alike.',
      ],
      victory: ['Few now remember how close {loser} came; the world that followed was shaped by {winner}.'],
    },
  ],
  divergence: {
    any: ['The turning point: {datedClause}.', 'History turns here: {datedClause}.'],
    victory: [
      'The turning point: victory goes to {winner}, not to {loser}.',
      'History turns here: {datedClause}.',
    ],
  },
  stakes: {
    with: [
      'The question is what {motif}, {secondMotif} and {thirdMotif} become when the world is arranged around {change}.',
      'Power that would have gone elsewhere stays where the change put it, and {motif} and {secondMotif} must live with that.',
    ],
    without: [
      'Without {subject}, {motif} and {secondMotif} must find other masters, other laws and other enemies.',
      'Take one power off the board and every other piece moves: {motif} and {secondMotif} first of all.',
    ],
    victory: [
      'A battle decides more than a border: the fate of {motif} and {secondMotif} now rests with {winner}.',
      'The soldiers go home to a different peace, and {motif} and {secondMotif} are bargained over by different winners.',
    ],
  },
  consequences: {
    immediate: {
      any: [
        'Power shifts at once: those who backed the old order around {motif} scramble to explain themselves.',
      ],
      victory: [
        'With the defeat, the lands that {loser} held pass to the victors, and their officials move in.',
      ],
      without: [
        'The people who depended on {subject} for order and protection have to look elsewhere, and quickly.',
      ],
    },
    shortTerm: {
      any: [
        'Within a few years, the laws, taxes and alliances around {secondMotif} are rewritten to fit {change}.',
      ],
      victory: [
        'Within a few years, the new order of {winner} is in place, and the defeated side’s allies change their minds.',
      ],
    },
    longTerm: {
      any: [
        'In the long run, {change} becomes the frame of everything else: borders, languages and faiths settle along its lines.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'a chronicler who records {change} as it happens',
    'a merchant whose fortune rides on {motif}',
    'a general who must keep the peace around {secondMotif}',
    'a diplomat sent to explain {change} to the neighbours',
    'a teacher who writes the first schoolbook of the new order',
  ],
  motifs: [
    'the capital',
    'the border provinces',
    'the army',
    'the trade routes',
    'the tax collectors',
    'the old nobility',
  ],
  assumptions: {
    any: [
      'The rest of the world starts from the history we know; only the consequences of the change differ.',
      'People make the choices they would have made anyway, given the new situation.',
      'Events far away that had nothing to do with the change still happen, at least at first.',
    ],
    victory: ['The winning side could hold what it won with the forces it had.'],
    without: ['Something else fills the gap the change leaves; history does not stay empty.'],
  },
};

const technology: Story = {
  stages: [
    {
      with: [
        '{clause}. The first working version is crude, expensive and unreliable, and {figure} is sure it will change everything.',
        '{clause}. At first only a handful of enthusiasts around {motif} understand what they are looking at.',
      ],
      without: [
        '{clause}. Nobody notices anything missing: you cannot miss what was never there.',
        '{clause}, and the problems it solved in our history stay unsolved for now.',
      ],
    },
    {
      with: [
        'Early adopters find uses the inventors never imagined, and it pays its way first among {motif}.',
        'Sceptics call it a toy. Then {motif} [starts|start] to depend on it, and the sceptics go quiet.',
      ],
      without: [
        'People work around the gap with what they have: more labour, slower methods, cleverer uses of {motif}.',
        'Other inventors attack the same problems from other directions, and {figure} makes a name doing it.',
      ],
    },
    {
      with: [
        'Prices fall as workshops learn to make it in numbers, and {secondMotif} [is|are] rebuilt around it.',
        'A first industry grows up to make, sell and repair it, and {figure} becomes rich doing so.',
      ],
      without: [
        'A substitute takes its place: less capable, but good enough for {secondMotif}.',
        'The money that would have gone into it goes elsewhere, and {secondMotif} [grows|grow] instead.',
      ],
    },
    {
      any: [
        'Governments notice. Rules, standards and taxes arrive, and the people behind {secondMotif} argue over every one of them.',
        'The first accidents and abuses make headlines, and the first regulations follow them.',
      ],
    },
    {
      with: [
        'A generation grows up that cannot imagine life without it, and nothing about {thirdMotif} is as it was before.',
        'It is everywhere now, cheap and taken for granted, and the jobs it replaced are a memory.',
      ],
      without: [
        'A generation grows up in a world arranged around other tools, and {thirdMotif} [follows|follow] a path of [its|their] own.',
        'The gap is now a difference of habit as much as of machines: people work, travel and talk in other ways.',
      ],
    },
    {
      any: [
        'Second-order effects arrive that nobody predicted: cities, families and {motif} reorganise around {change}.',
        'The first serious crisis comes from the side effects, and fixing them becomes an industry of its own.',
      ],
    },
    {
      any: [
        'Whole economies are shaped by {change}; {secondMotif} and {thirdMotif} would be unrecognisable to us.',
        'By now {change} is part of how the world thinks, not only of how it works.',
      ],
    },
    {
      any: [
        'Looking back, historians of technology trace the whole modern world to {change}, and argue about what came second.',
        'Today {change} is the background of ordinary life, from {motif} to {thirdMotif}.',
      ],
    },
  ],
  divergence: { any: ['The point of divergence: {datedClause}.', 'The single change: {datedClause}.'] },
  stakes: {
    with: [
      'A tool changes whoever holds it: {motif}, {secondMotif} and {thirdMotif} all have to make room for it.',
      'The consequences run through {motif} and {secondMotif} long before anyone thinks to name them.',
    ],
    without: [
      'Take one tool away and everything built on it has to be built another way, from {motif} to {secondMotif}.',
      'What our history did with it, this one has to do with something else, or not at all: {motif} and {secondMotif} first.',
    ],
  },
  consequences: {
    immediate: {
      with: ['The first users gain an edge at once, and the difference shows first in {motif}.'],
      without: [
        'Nothing seems missing at first; the cost shows up as problems that stay unsolved around {motif}.',
      ],
    },
    shortTerm: {
      with: [
        'Within a few years prices fall, uses multiply, and life around {secondMotif} reorganises around {change}.',
      ],
      without: [
        'Within a few years, substitutes and workarounds define {secondMotif}, each with its own limits.',
      ],
    },
    longTerm: {
      any: [
        'In the long run, {change} shapes how people work, travel, learn and talk, and how rich or poor whole regions become.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'an engineer who builds the first reliable version',
    'an investor who bets a fortune on {motif}',
    'a regulator who writes the first rules for it',
    'a worker whose trade disappears, and who retrains',
    'a journalist who explains {change} to everyone else',
  ],
  motifs: ['the workshops', 'the factories', 'the offices', 'the homes', 'the schools', 'the markets'],
  assumptions: {
    any: [
      'The materials and skills the change needs exist at the time, or can be found quickly.',
      'People adopt a useful tool as fast as they can afford it, and no faster.',
      'Rival technologies keep developing alongside it.',
    ],
    without: ['Nobody invents the same thing by another route soon after.'],
  },
};

const places: Story = {
  stages: [
    {
      with: [
        '{clause}. Maps are redrawn, and {motif} suddenly [matters|matter] to people who had never heard of [it|them].',
        '{clause}. The first to understand it are the officials, merchants and soldiers who must move.',
      ],
      without: [
        '{clause}. The map has an empty space where our history puts a great place, and the routes bend around it.',
        '{clause}, and everything that would have gathered there gathers somewhere else.',
      ],
    },
    {
      any: [
        'Roads, ships and letters are rerouted, and the traffic through {motif} swells.',
        'Newcomers arrive to take advantage, and {figure} is among the first to buy land near {motif}.',
      ],
      without: [
        'Roads, ships and letters take the routes that remain, and {figure} builds a business on the detour.',
        'Traders who would have passed that way look for other roads, and other places grow rich instead.',
      ],
    },
    {
      any: [
        'Building starts in earnest: offices, warehouses and homes rise around {secondMotif}.',
        'Prices around {secondMotif} double, then double again, and the old residents are pushed to the edges.',
      ],
      without: [
        'The money and labour it would have taken go elsewhere: to other towns, other roads, other walls.',
        'People settle where our history would not have put them, and {secondMotif} [grows|grow] in other ways.',
      ],
    },
    {
      with: [
        'Neighbouring places adjust: some prosper as suppliers, others lose their trade to {change}.',
        'Languages and customs mix as people from the whole region settle around {secondMotif}.',
      ],
      without: [
        'Other places take the role, and {secondMotif} [grows|grow] into what our history never let [it|them] be.',
        'The region organises itself around other centres, and the old routes fade from memory.',
      ],
    },
    {
      any: [
        'A generation is born that knows no other map, and {thirdMotif} [is|are] simply part of home.',
        'Schoolbooks draw the region around {change}, and children learn its geography as the natural order of things.',
      ],
    },
    {
      any: [
        'The first great strain: floods, fires or disputes over {motif} test how well the place was built.',
        'Rivalry with the places that lost out turns bitter, and {figure} has to broker a settlement.',
      ],
      without: [
        'The first great strain comes from outside: a war, a famine or a flood finds the region without what our history gave it.',
        'Rival centres quarrel over what none of them can hold alone, and {figure} has to broker a settlement.',
      ],
    },
    {
      any: [
        'Trade, migration and politics across the region now follow the lines that {change} drew.',
        'The place has a character of its own, and the fame of {secondMotif} reaches well beyond it.',
      ],
      without: [
        'Trade, migration and politics across the region now follow the lines that {change} drew.',
        'Other places have the fame it would have had, and {secondMotif} [is|are] known for other things.',
      ],
    },
    {
      any: [
        'Today, travellers from our world would find the region familiar in its landscape and strange in its map, all because of {change}.',
        'Looking back, geographers agree that {change} decided where people would live, trade and rule.',
      ],
    },
  ],
  divergence: {
    any: ['The point of divergence: {datedClause}.', 'The single change on the map: {datedClause}.'],
  },
  stakes: {
    with: [
      'A place that matters changes what everything around it is for: {motif}, {secondMotif} and {thirdMotif} included.',
      'Where power and trade gather decides who grows rich and who is left behind, from {motif} to {secondMotif}.',
    ],
    without: [
      'Remove one place from the map and the routes, capitals and markets of a whole region rearrange themselves.',
      'What would have gathered there has to gather somewhere else, and {motif} and {secondMotif} are the first to feel it.',
    ],
  },
  consequences: {
    immediate: {
      any: ['People, money and officials move at once, and the pressure is felt first around {motif}.'],
    },
    shortTerm: {
      any: ['Within a few years, roads, ports and markets around {secondMotif} are rebuilt for {change}.'],
    },
    longTerm: {
      any: [
        'In the long run, {change} decides where the region’s cities grow, which languages spread and whose wealth lasts.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'a surveyor who redraws the maps',
    'a merchant who moves the family business to {motif}',
    'a governor charged with making {change} work',
    'a builder who wins the great contracts',
    'a poet who writes about the old town that was left behind',
  ],
  motifs: [
    'the harbour',
    'the main roads',
    'the markets',
    'the government quarter',
    'the old town',
    'the surrounding villages',
  ],
  assumptions: {
    any: [
      'The land, rivers and climate are the ones we know; only what people made of them changes.',
      'The people of the region accept the change, at least at first, rather than fight it.',
      'Trade follows the easiest route once the change is made.',
    ],
  },
};

const culture: Story = {
  stages: [
    {
      with: [
        '{clause}. The first audiences do not know what to make of it; {figure} is one of the few who does.',
        '{clause}. It begins small, in {motif}, in front of a few people who will talk about it for years.',
      ],
      without: [
        '{clause}. Nobody knows what is missing; the works that would have been are simply never made.',
        '{clause}, and the place it would have filled among {motif} goes to someone else.',
      ],
    },
    {
      any: [
        'Critics argue, imitators appear, and crowds gather around {motif} to see what the fuss is about.',
        'Word travels by mouth and by print, and {figure} makes a living explaining it.',
      ],
      without: [
        'Other artists fill the space, and {figure} watches new names take the stage.',
        'Tastes settle along other lines, and {motif} [favours|favour] other styles and other heroes.',
      ],
    },
    {
      with: [
        'Schools and workshops teach the new way, and {secondMotif} [starts|start] to sound and look different.',
        'Money follows the audiences, and patrons, publishers and promoters gather around {secondMotif}.',
      ],
      without: [
        'Schools and workshops teach other models, and {secondMotif} [develops|develop] along other lines.',
        'Money follows other audiences, and patrons and publishers back other names around {secondMotif}.',
      ],
    },
    {
      any: [
        'The influence crosses borders and languages, reaching people who will never see the original.',
        'Translations, copies and tours carry it far from {motif}, and each place makes it its own.',
      ],
      without: [
        'Other traditions travel instead, and the world’s shared culture is built from different pieces.',
        'Without it, the bridges between audiences are built from other works, and they lead to other places.',
      ],
    },
    {
      any: [
        'A generation grows up on {change}; to them, {thirdMotif} [has|have] always been this way.',
        'The next artists define themselves for or against {change}, and both camps are loud.',
      ],
      without: [
        'The next generation of artists grows up on other models, and {thirdMotif} shows it.',
        'Young artists learn from other masters; nobody misses what was never there.',
      ],
    },
    {
      any: [
        'A backlash comes: censors, rival movements or simple boredom put {change} on trial. It survives, changed.',
        'Fashions turn, and for a while {change} is old-fashioned; then it is rediscovered.',
      ],
      without: [
        'Scholars sometimes sense a gap they cannot name; the works that fill it are good, and different.',
        'A rival movement rises and falls around {motif}, as movements do, in a history that never had what ours had.',
      ],
    },
    {
      any: [
        'The influence is everywhere now, in {motif}, {secondMotif} and in the way people talk.',
        'What was once daring is now a classic, taught and performed wherever {secondMotif} [exists|exist].',
      ],
      without: [
        'Other works hold the place it would have held, in {motif}, {secondMotif} and in the way people talk.',
        'The classics taught here are different ones, and {secondMotif} [reflects|reflect] them.',
      ],
    },
    {
      any: [
        'Today critics here rank {change} among the turning points of their culture, and argue about everything else.',
        'Looking back, the whole shape of modern taste, from {motif} to {thirdMotif}, bears the mark of {change}.',
      ],
    },
  ],
  divergence: { any: ['The point of divergence: {datedClause}.', 'The single change: {datedClause}.'] },
  stakes: {
    with: [
      'A work of art changes its audience, and through them {motif}, {secondMotif} and the language itself.',
      'Taste is a chain: change one link and everything after it, from {motif} to {secondMotif}, is made differently.',
    ],
    without: [
      'Take one work or artist away and every one inspired by it has to find another inspiration, or none.',
      'The gap is invisible to those who live in it: {motif} and {secondMotif} fill it without knowing it is there.',
    ],
  },
  consequences: {
    immediate: {
      any: ['Audiences, critics and rivals react at once, and the arguments start among {motif}.'],
    },
    shortTerm: {
      any: ['Within a few years, schools, imitators and businesses grow up around {secondMotif}.'],
    },
    longTerm: {
      any: [
        'In the long run, {change} shapes what people read, hear and watch, and how they talk about themselves.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'a critic who champions {change} early',
    'a rival artist who builds a career against it',
    'a publisher who makes a fortune from {motif}',
    'a young apprentice who carries the style abroad',
    'a censor who tries to stop it',
  ],
  motifs: [
    'the theatres',
    'the printing houses',
    'the music halls',
    'the art schools',
    'the critics',
    'the audiences',
  ],
  assumptions: {
    any: [
      'Audiences are as curious and as conservative as they were in our history.',
      'The artists of the time work with the tools and patrons they actually had.',
      'Talent is not rare: if one artist is missing, others are ready to take the stage.',
    ],
  },
};

const society: Story = {
  stages: [
    {
      with: [
        '{clause}. The first days are confusing: rules written for the old way no longer fit.',
        '{clause}. People who had always lived one way wake up to find they must live another.',
      ],
      without: [
        '{clause}. The habits built on it have to be rebuilt from the ground up.',
        '{clause}, and the gap it leaves in daily life is filled with improvisation.',
      ],
    },
    {
      any: [
        'Families, employers and officials improvise; {figure} becomes the voice of those who find the change hardest.',
        'The first winners and losers appear around {motif}, and they are not the ones anyone predicted.',
      ],
    },
    {
      any: [
        'New rules are written for {motif}; what was improvised becomes official.',
        'Businesses adapt their prices and hours, and {secondMotif} [looks|look] different within months.',
      ],
    },
    {
      any: [
        'Other countries watch, copy or refuse; {change} becomes a political question everywhere.',
        'The change spreads from the places that tried it first to the ones that said they never would.',
      ],
    },
    {
      any: [
        'A generation grows up that has never known another arrangement of {thirdMotif}; to them, this is simply how things are.',
        'Children born after the change take {change} for granted and find their grandparents’ stories strange.',
      ],
    },
    {
      any: [
        'The first real crisis: a recession, a scandal or a strike over {motif} tests whether the new order can hold. It bends, and holds.',
        'Critics blame {change} for every problem; the reforms that follow fix some of them.',
      ],
    },
    {
      any: [
        'By now {change} shapes budgets, cities and habits, and {secondMotif} would be unrecognisable to us.',
        'Laws, schools and workplaces have all been rebuilt around {change}.',
      ],
    },
    {
      any: [
        'Today people here debate the details of {change}, never the thing itself.',
        'Looking back, sociologists trace much of modern life, from {motif} to {thirdMotif}, to {change}.',
      ],
    },
  ],
  divergence: {
    any: ['The point of divergence: {datedClause}.', 'The one change in how people live: {datedClause}.'],
  },
  stakes: {
    with: [
      'The habits everyone takes for granted are rebuilt around {change}, and {motif} and {secondMotif} look nothing like ours.',
      'People still need to work, trust and share; they simply do it through {motif} and {secondMotif} in other ways.',
    ],
    without: [
      'People still need what {subject} gave them, and they have to get it another way, through {motif} and {secondMotif}.',
      'Take one habit out of a society and everything leaning on it has to find new support.',
    ],
  },
  consequences: {
    immediate: { any: ['Daily routines break first: {motif} [has|have] to be reorganised within days.'] },
    shortTerm: {
      any: [
        'Within a few years, laws, prices and expectations around {secondMotif} settle into the new shape.',
      ],
    },
    longTerm: {
      any: [
        'In the long run, {change} changes who is rich and who is poor, how families live and what people expect of each other.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'a union organiser who speaks for those who lose out',
    'a mayor who must make {change} work in one city',
    'a shopkeeper whose customers change overnight',
    'a researcher who measures what {change} does to people',
    'a teacher who explains {change} to children who have never known anything else',
  ],
  motifs: [
    'the workplaces',
    'the schools',
    'the households',
    'the markets',
    'the city halls',
    'the neighbourhoods',
  ],
  assumptions: {
    any: [
      'People are neither better nor worse than in our history; they respond to the incentives the change creates.',
      'Governments have the means to enforce the change, at least in the cities.',
      'The rest of the economy starts as we know it.',
    ],
  },
};

const disruption: Story = {
  stages: [
    {
      any: [
        '{clause}. For a few minutes people assume it is a local fault; then the reports come in from everywhere.',
        '{clause}. The first sign is small, a failure around {motif}, and it spreads.',
      ],
    },
    {
      any: [
        'Workarounds appear within hours: paper, phone calls, neighbours helping neighbours around {motif}.',
        'Hospitals, transport and emergency services switch to their backup plans, and discover which ones were only on paper.',
      ],
    },
    {
      any: [
        'Governments hold emergency meetings; {figure} becomes the face of the response.',
        'Shops, banks and offices close or go manual, and the queues are longest around {secondMotif}.',
      ],
    },
    {
      pause: [
        'The pause is over; service returns in stages and with hiccups, and the backlog begins.',
        'It ends at last, and the first hours back are slower than anyone hoped.',
      ],
      any: [
        'The losses are real now: {secondMotif} cannot wait any longer, and rationing begins.',
        'What was a crisis becomes a new normal, and people learn to live without {subject}.',
      ],
    },
    {
      any: [
        'The knock-on effects show up where the margins were thinnest: {thirdMotif}.',
        'Insurers, courts and accountants begin to count the cost, and it is larger than the headlines said.',
      ],
    },
    {
      any: [
        'Inquiries ask why the backups failed; {secondFigure} testifies that the warnings were ignored.',
        'Engineers and officials rebuild what broke, this time with spare capacity.',
      ],
    },
    {
      any: [
        'New rules require backups, stockpiles and drills, and {motif} [is|are] redesigned so the same failure cannot cascade.',
        'Budgets for resilience double, and the people who planned for the worst are finally listened to.',
      ],
    },
    {
      any: [
        'The crisis becomes a date people remember, and a chapter in every risk plan.',
        'Looking back, the episode is remembered less for the damage than for what it taught.',
      ],
    },
  ],
  divergence: { any: ['The point of divergence: {datedClause}.', 'Without warning, {datedClause}.'] },
  stakes: {
    any: [
      'A world that depends on {subject} learns how much, hour by hour: {motif} and {secondMotif} first.',
      'Nothing breaks forever, but everything that depends on {subject} is tested at once.',
    ],
  },
  consequences: {
    immediate: { any: ['Everything that depended on {subject} stops or slows down, starting with {motif}.'] },
    shortTerm: {
      pause: ['Once it is back, the backlog takes weeks to clear, and some losses are never recovered.'],
      any: [
        'Within weeks, the cost shows up in prices, missed work and strained services around {secondMotif}.',
      ],
    },
    longTerm: {
      any: [
        'In the long run, backups, stockpiles and drills become normal, and the world is a little sturdier for it.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'an engineer who keeps {motif} running by hand',
    'an official who coordinates the emergency response',
    'a nurse on a double shift',
    'a shop owner who keeps trading with pen and paper',
    'an investigator who leads the inquiry afterwards',
  ],
  motifs: ['the hospitals', 'the shops', 'the trains', 'the banks', 'the emergency services', 'the offices'],
  assumptions: {
    any: [
      'The failure is everywhere at once, not in one region.',
      'Emergency services work as they are designed to, no better and no worse.',
      'People mostly help each other; panic stays local.',
    ],
  },
};

const myth: Story = {
  stages: [
    {
      with: [
        '{clause}. The first reports sound like jokes; the second ones come with witnesses.',
        '{clause}. Nobody is ready, least of all the people who believed the old stories.',
      ],
      without: [
        '{clause}. The old stories lose their subject, and something else takes its place in them.',
        '{clause}, and the world goes on as if the legend had never been told.',
      ],
    },
    {
      any: [
        'Governments call it an emergency; {figure} is the first expert anyone can find.',
        'Crowds gather near {motif}, and the authorities cannot decide whether to disperse them or join them.',
      ],
    },
    {
      any: [
        'The first rules are written: who may approach {motif}, who is responsible, who pays for the damage.',
        'Scientists and priests argue about what it means, and {figure} tries to speak for both.',
      ],
    },
    {
      any: [
        'Other countries report their own cases, or hide them, and {change} becomes a matter of diplomacy.',
        'Trade, travel and warfare adjust: {secondMotif} [is|are] suddenly valuable, or suddenly dangerous.',
      ],
    },
    {
      any: [
        'A generation grows up with {change} as a fact of life; to them, {thirdMotif} [is|are] ordinary.',
        'Children are taught the new rules at school, and they find the old world of the legends quaint.',
      ],
    },
    {
      any: [
        'The first great crisis: an accident around {motif} shows how little anyone understands. Laws tighten.',
        'A backlash grows among those who lost out, and {secondFigure} leads it.',
      ],
    },
    {
      any: [
        'Economies, religions and sciences have all been rebuilt around {change}.',
        'Whole industries live from {secondMotif}, and whole regions have learned to live with it.',
      ],
    },
    {
      any: [
        'Today the old legends are read as history, and historians argue about which parts were true.',
        'Looking back, people here cannot imagine a world in which {change} was only a story.',
      ],
    },
  ],
  divergence: { any: ['The point of divergence: {datedClause}.', 'The impossible happens: {datedClause}.'] },
  stakes: {
    any: [
      'The old stories turn out to be field guides, and {motif} and {secondMotif} become matters of policy.',
      'What was legend becomes logistics: {motif}, {secondMotif} and {thirdMotif} all need rules now.',
    ],
  },
  consequences: {
    immediate: { any: ['Panic, wonder and opportunism arrive together, and they meet around {motif}.'] },
    shortTerm: { any: ['Within a few years, laws, markets and armies have adapted to {change}.'] },
    longTerm: {
      any: [
        'In the long run, {change} reshapes religion, science and power as thoroughly as any revolution in our history.',
      ],
    },
  },
  byDomain: worldByDomain,
  roles: [
    'a scholar of old legends who is suddenly in demand',
    'a soldier sent to keep order around {motif}',
    'a merchant who sees the opportunity first',
    'a priest who must explain {change} to the faithful',
    'a child who grows up unafraid of it',
  ],
  motifs: [
    'the old legends',
    'the mountain villages',
    'the royal court',
    'the temples',
    'the border guards',
    'the markets',
  ],
  assumptions: {
    any: [
      'The legend works as the old stories describe it, with no extra powers.',
      'Human nature is unchanged: people fear, exploit and adapt to the new.',
      'Physics and biology bend only as far as the question requires.',
    ],
  },
};

export const englishWorldStories = { history, technology, places, culture, society, disruption, myth };
