import { SignInPage } from '@/features/account/SignInPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('signIn.title');

export default function Page() {
  return <SignInPage />;
}
