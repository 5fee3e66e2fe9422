/**
 * The demo data `make seed` puts into a running stack: a handful of people who use the product
 * the way its users do, so a new developer sees feeds, threads and a moderation queue at once.
 * Everything is named by a stable key (an address, a question, a comment's text), which is how
 * a second run finds what the first one made.
 */

export type DemoRole = 'admin' | 'moderator' | 'user';

export interface DemoAccount {
  /** How the rest of the data set names this person. */
  key: 'grace' | 'hypatia' | 'ibn' | 'linh';
  email: string;
  displayName: string;
  /** The public handle (@grace_demo), set after sign-up as the owner would. */
  username: string;
  role: DemoRole;
}

/** `@example.com` (RFC 2606): never a real mailbox, and apart from the README's own `ada@`. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    key: 'grace',
    email: 'grace.demo@example.com',
    displayName: 'Grace (demo admin)',
    username: 'grace_demo',
    role: 'admin',
  },
  {
    key: 'hypatia',
    email: 'hypatia.demo@example.com',
    displayName: 'Hypatia (demo moderator)',
    username: 'hypatia_demo',
    role: 'moderator',
  },
  {
    key: 'ibn',
    email: 'ibn.demo@example.com',
    displayName: 'Ibn Battuta (demo)',
    username: 'ibn_battuta_demo',
    role: 'user',
  },
  {
    key: 'linh',
    email: 'linh.demo@example.com',
    displayName: 'Linh (demo)',
    username: 'linh_demo',
    role: 'user',
  },
];

export type AccountKey = DemoAccount['key'];

export interface DemoScenario {
  key: 'engine' | 'alexandria' | 'tran' | 'rome' | 'electricity';
  owner: AccountKey;
  question: string;
  tone: 'serious' | 'playful' | 'dramatic' | 'academic';
  language: 'en' | 'vi';
  /** Set on the owner's history entry: favourite and the owner's own tags. */
  favorite?: boolean;
  tags?: readonly string[];
}

export const demoScenarios: readonly DemoScenario[] = [
  {
    key: 'engine',
    owner: 'grace',
    question: 'What if Charles Babbage had finished the Analytical Engine in 1840?',
    tone: 'academic',
    language: 'en',
    favorite: true,
    tags: ['computing', 'victorian'],
  },
  {
    key: 'alexandria',
    owner: 'ibn',
    question: 'What if the Library of Alexandria had never burned?',
    tone: 'dramatic',
    language: 'en',
    favorite: true,
    tags: ['libraries', 'antiquity'],
  },
  {
    key: 'tran',
    owner: 'linh',
    question: 'Điều gì sẽ xảy ra nếu nhà Trần không đánh bại quân Mông Cổ?',
    tone: 'serious',
    language: 'vi',
    tags: ['lịch sử', 'việt nam'],
  },
  {
    key: 'rome',
    owner: 'hypatia',
    question: 'What if the printing press had been invented in Rome?',
    tone: 'playful',
    language: 'en',
  },
  {
    key: 'electricity',
    owner: 'linh',
    question: 'Điều gì sẽ xảy ra nếu con người chưa bao giờ phát minh ra điện?',
    tone: 'playful',
    language: 'vi',
    favorite: true,
  },
];

export type ScenarioKey = DemoScenario['key'];

/** One share with a password, one public (it may appear in the public feed). */
export const demoShares: readonly {
  scenario: ScenarioKey;
  visibility: 'unlisted' | 'public';
  withPassword: boolean;
}[] = [
  { scenario: 'engine', visibility: 'unlisted', withPassword: true },
  { scenario: 'alexandria', visibility: 'public', withPassword: false },
];

/** Scenarios published as posts in the social feed. */
export const demoPosts: readonly { scenario: ScenarioKey; caption: string; tags: readonly string[] }[] = [
  {
    scenario: 'alexandria',
    caption: 'Every scroll survives. Where would we be by now?',
    tags: ['antiquity', 'books'],
  },
  { scenario: 'engine', caption: 'Steam-powered computing, a century early.', tags: ['computing'] },
  { scenario: 'tran', caption: 'Một khúc quanh khác của lịch sử.', tags: ['lịch sử'] },
];

/** Who follows whom. */
export const demoFollows: readonly (readonly [AccountKey, AccountKey])[] = [
  ['linh', 'ibn'],
  ['ibn', 'grace'],
  ['grace', 'linh'],
  ['hypatia', 'ibn'],
  ['ibn', 'linh'],
];

/** Who likes which post (named by its scenario). */
export const demoLikes: readonly (readonly [AccountKey, ScenarioKey])[] = [
  ['grace', 'alexandria'],
  ['linh', 'alexandria'],
  ['ibn', 'engine'],
  ['ibn', 'tran'],
];

/** A short thread: `replyTo` names the comment (by its text) that this one answers. */
export const demoComments: readonly {
  author: AccountKey;
  post: ScenarioKey;
  body: string;
  replyTo?: string;
}[] = [
  {
    author: 'grace',
    post: 'alexandria',
    body: 'Imagine Hero of Alexandria’s engines with a library behind them.',
  },
  {
    author: 'ibn',
    post: 'alexandria',
    body: 'I stopped there on my travels; the harbour alone was worth it.',
    replyTo: 'Imagine Hero of Alexandria’s engines with a library behind them.',
  },
  { author: 'linh', post: 'engine', body: 'Ada Lovelace would have had a compiler by 1850.' },
];

/** A report in the moderation queue, for the moderator to decide. */
export const demoReport = {
  reporter: 'ibn' as AccountKey,
  post: 'engine' as ScenarioKey,
  reason: 'misinformation' as const,
  note: 'Demo report from make seed: the dates in the timeline look off.',
};

/** A narrated video of one scenario; the worker renders it when it runs. */
export const demoVideo = { owner: 'grace' as AccountKey, scenario: 'engine' as ScenarioKey };
