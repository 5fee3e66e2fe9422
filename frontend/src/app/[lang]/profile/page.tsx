import { ProfilePage } from '@/features/social/ProfilePage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('social.profileTitle');

export default function Page() {
  return <ProfilePage />;
}
