import { FeedPage } from '@/features/social/FeedPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('social.title');

export default function Page() {
  return <FeedPage />;
}
