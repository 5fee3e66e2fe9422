import { ModerationPage } from '@/features/moderation/ModerationPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('moderation.title');

export default function Page() {
  return <ModerationPage />;
}
