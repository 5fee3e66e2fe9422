/** The shapes of the API the web app calls, as the services' openapi.yaml files define them. */

export const categories = ['history', 'science', 'society', 'personal', 'fantasy'] as const;
export type Category = (typeof categories)[number];
export const tones = ['serious', 'playful', 'dramatic', 'academic'] as const;
export type Tone = (typeof tones)[number];
export const lengths = ['short', 'standard', 'long'] as const;
export type Length = (typeof lengths)[number];
export type Language = 'en' | 'vi';
export const roles = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface TimelineEntry {
  when: string;
  event: string;
}

export interface ScenarioContent {
  title: string;
  premise: string;
  divergence: TimelineEntry;
  timeline: TimelineEntry[];
  consequences: {
    immediate: string;
    shortTerm: string;
    longTerm: string;
    byDomain?: Partial<Record<'politics' | 'technology' | 'culture' | 'dailyLife', string>>;
  };
  keyFigures: Array<{ name: string; role: string }>;
  plausibility: { score: number; assumptions: string[] };
  narration: string;
  tags: string[];
}

export type SectionName = keyof ScenarioContent;

export interface Provenance {
  provider: string;
  model: string;
  promptVersion: string;
  cached: boolean;
}

export interface Scenario extends ScenarioContent {
  id: string;
  question: string;
  category: Category;
  tone: Tone;
  length: Length;
  language: Language;
  parent?: { id: string; timelineIndex: number };
  provenance: Provenance;
  createdAt: string;
}

export interface SavedScenario extends Scenario {
  favorite: boolean;
  rating: number | null;
}

export interface ScenarioSummary {
  id: string;
  question: string;
  title: string;
  category: Category;
  tone: Tone;
  language: Language;
  tags: string[];
  favorite: boolean;
  rating: number | null;
  createdAt: string;
  parent?: { id: string; timelineIndex: number };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type BulkAction = 'delete' | 'favorite' | 'unfavorite' | 'tag' | 'untag';
export interface BulkResults {
  results: Array<{ id: string; status: 'ok' | 'not_found' | 'too_many_tags' }>;
}

export interface ScenarioRequest {
  question: string;
  category?: Category;
  tone?: Tone;
  length?: Length;
  language?: Language;
  regenerate?: boolean;
  parentId?: string;
  timelineIndex?: number;
}

/** The first event of a stream: the options as the service resolved them. */
export interface StreamMeta {
  id: string;
  question: string;
  category: Category;
  tone: Tone;
  length: Length;
  language: Language;
  provider: string;
  cached: boolean;
  parent?: { id: string; timelineIndex: number };
}

export interface Suggestions {
  language: Language;
  categories: Array<{ category: Category; questions: string[] }>;
}

export interface Account {
  id: string;
  email: string;
  emailVerified: boolean;
  /** The public handle (lower case, 3-30 of a-z, 0-9, _); null until the owner picks one. */
  username: string | null;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  roles: Role[];
  hasPassword: boolean;
  createdAt: string;
}

export interface Me extends Account {
  pendingEmail: string | null;
}

export interface AdminAccount extends Account {
  disabled: boolean;
  disabledAt: string | null;
  updatedAt: string;
}

export interface AdminStats {
  users: {
    total: number;
    verified: number;
    disabled: number;
    withPassword: number;
    withOAuth: number;
    byRole: Record<Role, number>;
    createdLast24Hours: number;
    createdLast7Days: number;
    createdLast30Days: number;
  };
  sessions: { active: number };
}

export interface SignedIn {
  user: Account;
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface Session {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  userAgent: string;
  ip: string;
}

export interface Identity {
  provider: string;
  email: string | null;
  linkedAt: string;
}

export interface OAuthProvider {
  name: string;
  kind: 'oidc' | 'facebook';
}

/** RFC 9457 problem details, as every service answers errors. */
export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
  resetAt?: string;
  limit?: number;
  /** Why something shared is gone (a share's 410, a withdrawn video). */
  reason?: string;
}

export type ShareVisibility = 'unlisted' | 'public';
export const sharePlatforms = [
  'facebook',
  'x',
  'linkedin',
  'whatsapp',
  'telegram',
  'email',
  'copy',
  'qr',
  'other',
] as const;
export type SharePlatform = (typeof sharePlatforms)[number];

/** A share link of one of the caller's scenarios (sharing service). */
export interface Share {
  slug: string;
  url: string;
  qrCodeUrl: string;
  qrCodeSvgUrl: string;
  imageUrl: string;
  scenarioId: string;
  scenarioTitle: string;
  language: Language;
  title: string | null;
  description: string | null;
  hasPassword: boolean;
  visibility: ShareVisibility;
  expiresAt: string | null;
  status: 'live' | 'revoked' | 'expired';
  revokedAt: string | null;
  moderation: 'visible' | 'hidden' | 'removed';
  views: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewShare {
  scenarioId: string;
  password?: string;
  expiresAt?: string | null;
  visibility?: ShareVisibility;
  another?: boolean;
}

export interface ShareChanges {
  password?: string | null;
  expiresAt?: string | null;
  visibility?: ShareVisibility;
}

export interface ShareAnalytics {
  from: string;
  to: string;
  views: number;
  days: Array<{ date: string; views: number }>;
  via: Record<SharePlatform, number>;
  referrers: Array<{ domain: string; views: number }>;
  countries: Array<{ country: string; views: number }>;
}

export const reportReasons = [
  'spam',
  'harassment',
  'hate',
  'violence',
  'sexual',
  'misinformation',
  'copyright',
  'other',
] as const;
export type ReportReason = (typeof reportReasons)[number];

/** A scenario published to the feed (social service). */
/** Who wrote a post or comment, as social shows people; the names are null when unknown. */
export interface Author {
  id: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

export interface Post {
  id: string;
  authorId: string;
  author: Author;
  /** Whether the signed-in reader likes it; null when not signed in. */
  likedByMe: boolean | null;
  scenario: { id: string; title: string; question: string; language: Language; excerpt: string };
  caption: string;
  /** The accounts the caption @mentions (social resolves them when it is written). */
  mentions?: Mention[];
  tags: string[];
  visibility: 'public' | 'followers';
  moderation: 'visible' | 'hidden' | 'removed';
  counts: { likes: number; comments: number };
  createdAt: string;
  editedAt: string | null;
}

/** An @username a text wrote (lower case) and the account it named when the text was written. */
export interface Mention {
  username: string;
  userId: string;
}

export const trendingWindows = ['1d', '7d', '30d'] as const;
export type TrendingWindow = (typeof trendingWindows)[number];

export interface LikeState {
  liked: boolean;
  likes: number;
}

export interface Comment {
  id: string;
  postId: string;
  parentId: string | null;
  depth: number;
  authorId: string | null;
  /** Null once deleted, hidden or removed. */
  author: Author | null;
  likedByMe: boolean | null;
  body: string | null;
  /** The accounts the body @mentions. */
  mentions?: Mention[];
  deleted: boolean;
  moderation: 'visible' | 'hidden' | 'removed';
  createdAt: string;
  editedAt: string | null;
  counts: { likes: number; replies: number };
}

export interface Thread extends Comment {
  firstReplies: Comment[];
}

export interface SocialProfile {
  userId: string;
  /** From the user service; null for an account it does not show (deleted, disabled, unreachable). */
  profile: {
    username: string | null;
    displayName: string;
    bio: string;
    avatarUrl: string | null;
    joinedAt: string;
  } | null;
  /** The level the account's experience reaches; null until levels are computed. */
  level: number | null;
  counts: { posts: number; followers: number; following: number; likesReceived: number };
  relationship: { following: boolean; followedBy: boolean; blocking: boolean } | null;
}

export const moderationActions = ['hide', 'restore', 'remove', 'warn', 'dismiss'] as const;
export type ModerationAction = (typeof moderationActions)[number];
export const caseStatuses = ['open', 'hidden', 'removed', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export interface ModerationCase {
  caseId: string;
  target: {
    service: 'sharing' | 'history' | 'social';
    kind: 'share' | 'scenario' | 'post' | 'comment';
    id: string;
  };
  ownerId: string;
  status: CaseStatus;
  reports: number;
  voices: number;
  weight: number;
  reasons: Partial<Record<ReportReason, number>>;
  firstReportedAt: string;
  lastReportedAt: string;
  lastDecision: {
    action: ModerationAction;
    reason: string;
    moderatorId: string | null;
    decidedAt: string;
  } | null;
}

export interface ModerationCaseDetail extends ModerationCase {
  decisions: Array<{
    id: string;
    target: { kind: string; id: string };
    action: ModerationAction;
    reason: string;
    moderatorId: string | null;
    decidedAt: string;
  }>;
}

export type VideoStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
export type VideoStage = 'script' | 'speech' | 'frames' | 'encode' | 'upload';

export interface VideoOptions {
  length: 'short' | 'full';
  resolution: '720p' | '1080p';
  voice: 'female' | 'male';
  rate: number;
  burnCaptions: boolean;
}

export interface VideoLink {
  url: string;
  expiresAt: string;
}

/** A narrated video of a scenario (video service). */
export interface Video {
  id: string;
  scenarioId: string;
  title: string;
  language: Language;
  status: VideoStatus;
  stage: VideoStage | null;
  stagePercent: number;
  percent: number;
  options: VideoOptions;
  attempts: number;
  failure?: { reason: string; message: string };
  durationSeconds?: number;
  width?: number;
  height?: number;
  bytes?: number;
  files?: { video: VideoLink; captions: VideoLink; poster: VideoLink };
  /** The share it was made from, when the scenario is someone else's. */
  shareSlug?: string;
  /** In a list only: the share no longer shows its scenario, so the video is not served. */
  withdrawn?: VideoWithdrawnReason;
  createdAt: string;
  updatedAt: string;
}

/** Why a video made from a share is no longer served: the share's state. */
export const videoWithdrawnReasons = [
  'missing',
  'revoked',
  'expired',
  'hidden',
  'removed',
  'deleted',
] as const;
export type VideoWithdrawnReason = (typeof videoWithdrawnReasons)[number];

/** What a video is made of: one of the caller's scenarios, or a share they may open. */
export type VideoSource = { scenarioId: string } | { shareSlug: string };

export interface VideoProgress {
  status: VideoStatus;
  stage: VideoStage | null;
  stagePercent: number;
  percent: number;
}

export const notificationTypes = [
  'follow',
  'like',
  'comment',
  'reply',
  'mention',
  'achievement',
  'moderation',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export interface Notification {
  id: string;
  type: NotificationType;
  read: boolean;
  /** What it is about, by id (absent fields do not apply). */
  subject: {
    postId?: string;
    commentId?: string;
    shareId?: string;
    scenarioId?: string;
    achievementId?: string;
    action?: 'hide' | 'remove' | 'restore' | 'warn';
  };
  actors: { count: number; latest: string | null; sample: string[] };
  createdAt: string;
  updatedAt: string;
}

export interface NotificationPreferences {
  types: Partial<Record<NotificationType, boolean>>;
}

export const leaderboardWindows = ['all', '30d', '7d'] as const;
export type LeaderboardWindow = (typeof leaderboardWindows)[number];

export interface LeaderboardPage {
  window: LeaderboardWindow;
  items: Array<{ rank: number; userId: string; points: number }>;
  nextCursor: string | null;
  me: { rank: number; points: number } | null;
}

export interface Experience {
  userId: string;
  points: number;
  level: number;
  levelStartsAt: number;
  nextLevelAt: number;
  streakDays: number;
  windows: { '7d': number; '30d': number };
}

export interface Achievement {
  id: string;
  name: { en: string; vi: string };
  description: { en: string; vi: string };
  rarity: 'common' | 'uncommon' | 'rare' | 'epic' | 'legendary';
  points: number;
  unlockedAt: string | null;
  /** The owner's progress towards the rule; null for anyone else. */
  progress: { current: number; target: number } | null;
}
