import type { ActivityCounter } from './experience-rules';

export const rarities = ['common', 'uncommon', 'rare', 'epic', 'legendary'] as const;
export type Rarity = (typeof rarities)[number];

/**
 * An achievement as data. Its rule is a threshold on one of the user's activity counters, which
 * move only when an event is awarded (so like/unlike or delete/re-publish loops move none).
 * It is awarded once, with its time, by a conditional write, and adds `points` to the user's
 * experience when it is.
 */
export interface Achievement {
  id: string;
  name: { en: string; vi: string };
  description: { en: string; vi: string };
  rarity: Rarity;
  points: number;
  rule: { counter: ActivityCounter; atLeast: number };
}

export const achievements: readonly Achievement[] = [
  {
    id: 'first-scenario',
    name: { en: 'What if…?', vi: 'Nếu như…?' },
    description: { en: 'Generate your first scenario.', vi: 'Tạo kịch bản đầu tiên của bạn.' },
    rarity: 'common',
    points: 10,
    rule: { counter: 'scenariosSaved', atLeast: 1 },
  },
  {
    id: 'storyteller',
    name: { en: 'Storyteller', vi: 'Người kể chuyện' },
    description: { en: 'Generate 25 scenarios.', vi: 'Tạo 25 kịch bản.' },
    rarity: 'rare',
    points: 50,
    rule: { counter: 'scenariosSaved', atLeast: 25 },
  },
  {
    id: 'first-vietnamese-scenario',
    name: { en: 'Xin chào', vi: 'Xin chào' },
    description: {
      en: 'Generate your first scenario in Vietnamese.',
      vi: 'Tạo kịch bản tiếng Việt đầu tiên.',
    },
    rarity: 'uncommon',
    points: 20,
    rule: { counter: 'vietnameseScenarios', atLeast: 1 },
  },
  {
    id: 'first-post',
    name: { en: 'Published', vi: 'Đã đăng' },
    description: { en: 'Publish your first scenario as a post.', vi: 'Đăng kịch bản đầu tiên của bạn.' },
    rarity: 'common',
    points: 10,
    rule: { counter: 'postsPublished', atLeast: 1 },
  },
  {
    id: 'first-share',
    name: { en: 'Pass it on', vi: 'Lan tỏa' },
    description: { en: 'Create your first share link.', vi: 'Tạo liên kết chia sẻ đầu tiên.' },
    rarity: 'common',
    points: 10,
    rule: { counter: 'sharesCreated', atLeast: 1 },
  },
  {
    id: 'liked-10',
    name: { en: 'Crowd pleaser', vi: 'Được yêu thích' },
    description: {
      en: 'Receive 10 likes from other people.',
      vi: 'Nhận 10 lượt thích từ người khác.',
    },
    rarity: 'uncommon',
    points: 25,
    rule: { counter: 'likesReceived', atLeast: 10 },
  },
  {
    id: 'liked-100',
    name: { en: 'Fan favourite', vi: 'Ngôi sao' },
    description: {
      en: 'Receive 100 likes from other people.',
      vi: 'Nhận 100 lượt thích từ người khác.',
    },
    rarity: 'epic',
    points: 100,
    rule: { counter: 'likesReceived', atLeast: 100 },
  },
  {
    id: 'conversation-starter',
    name: { en: 'Conversation starter', vi: 'Khơi mào thảo luận' },
    description: {
      en: 'Have 10 people comment on your posts.',
      vi: 'Có 10 người bình luận bài đăng của bạn.',
    },
    rarity: 'uncommon',
    points: 25,
    rule: { counter: 'commentsReceived', atLeast: 10 },
  },
  {
    id: 'commentator',
    name: { en: 'Commentator', vi: 'Bình luận viên' },
    description: { en: 'Write 20 comments.', vi: 'Viết 20 bình luận.' },
    rarity: 'uncommon',
    points: 20,
    rule: { counter: 'commentsWritten', atLeast: 20 },
  },
  {
    id: 'followers-10',
    name: { en: 'Rising voice', vi: 'Tiếng nói mới' },
    description: { en: 'Be followed by 10 people.', vi: 'Được 10 người theo dõi.' },
    rarity: 'uncommon',
    points: 25,
    rule: { counter: 'followersGained', atLeast: 10 },
  },
  {
    id: 'followers-100',
    name: { en: 'Influencer', vi: 'Người có ảnh hưởng' },
    description: { en: 'Be followed by 100 people.', vi: 'Được 100 người theo dõi.' },
    rarity: 'epic',
    points: 100,
    rule: { counter: 'followersGained', atLeast: 100 },
  },
  {
    id: 'streak-7',
    name: { en: 'Week of what-ifs', vi: 'Một tuần giả tưởng' },
    description: {
      en: 'Be active 7 days in a row (UTC days).',
      vi: 'Hoạt động 7 ngày liên tiếp (theo giờ UTC).',
    },
    rarity: 'rare',
    points: 50,
    rule: { counter: 'streakDays', atLeast: 7 },
  },
  {
    id: 'streak-30',
    name: { en: 'Habit of history', vi: 'Thói quen lịch sử' },
    description: {
      en: 'Be active 30 days in a row (UTC days).',
      vi: 'Hoạt động 30 ngày liên tiếp (theo giờ UTC).',
    },
    rarity: 'legendary',
    points: 200,
    rule: { counter: 'streakDays', atLeast: 30 },
  },
];

export function achievement(id: string): Achievement | undefined {
  return achievements.find((entry) => entry.id === id);
}
