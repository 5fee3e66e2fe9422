import { ResetPasswordPage } from '@/features/account/ResetPasswordPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('reset.title');

export default function Page() {
  return <ResetPasswordPage />;
}
