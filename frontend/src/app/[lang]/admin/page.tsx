import { AdminPage } from '@/features/admin/AdminPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('admin.title');

export default function Page() {
  return <AdminPage />;
}
