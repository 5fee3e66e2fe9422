import { PostPage } from '@/features/social/PostPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('social.postTitle');

export default function Page() {
  return <PostPage />;
}
