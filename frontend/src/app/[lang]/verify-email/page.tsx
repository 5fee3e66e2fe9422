import { VerifyEmailPage } from '@/features/account/VerifyEmailPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('verify.title');

export default function Page() {
  return <VerifyEmailPage />;
}
