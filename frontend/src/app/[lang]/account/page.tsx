import { AccountPage } from '@/features/account/AccountPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('account.title');

export default function Page() {
  return <AccountPage />;
}
