import { ForgotPasswordPage } from '@/features/account/ForgotPasswordPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('forgot.title');

export default function Page() {
  return <ForgotPasswordPage />;
}
