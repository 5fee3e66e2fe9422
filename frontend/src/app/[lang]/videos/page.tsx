import { VideosPage } from '@/features/video/VideosPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('video.title');

export default function Page() {
  return <VideosPage />;
}
