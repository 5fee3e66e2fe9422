import { AuthCompletePage } from '@/features/account/AuthCompletePage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('oauth.title');

export default function Page() {
  return <AuthCompletePage />;
}
