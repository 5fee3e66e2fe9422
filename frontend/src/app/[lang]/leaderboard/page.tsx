import { LeaderboardPage } from '@/features/engagement/LeaderboardPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('leaderboard.title');

export default function Page() {
  return <LeaderboardPage />;
}
