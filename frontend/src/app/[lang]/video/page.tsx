import { VideoPage } from '@/features/video/VideoPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('video.title');

export default function Page() {
  return <VideoPage />;
}
