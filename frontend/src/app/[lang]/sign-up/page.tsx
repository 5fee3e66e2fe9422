import { SignUpPage } from '@/features/account/SignUpPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('signUp.title');

export default function Page() {
  return <SignUpPage />;
}
