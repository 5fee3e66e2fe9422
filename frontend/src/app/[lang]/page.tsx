import { AskPage } from '@/features/ask/AskPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('ask.title');

export default function Page() {
  return <AskPage />;
}
