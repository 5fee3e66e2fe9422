import { SharesPage } from '@/features/sharing/SharesPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('sharing.title');

export default function Page() {
  return <SharesPage />;
}
