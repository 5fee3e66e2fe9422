import { NotificationsPage } from '@/features/notifications/NotificationsPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('notifications.title');

export default function Page() {
  return <NotificationsPage />;
}
