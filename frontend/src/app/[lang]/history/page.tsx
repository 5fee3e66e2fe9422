import { HistoryPage } from '@/features/history/HistoryPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('history.title');

export default function Page() {
  return <HistoryPage />;
}
