import { ScenarioPage } from '@/features/scenario/ScenarioPage';
import { pageMetadata } from '@/i18n/page-metadata';

export const generateMetadata = pageMetadata('scenario.title');

export default function Page() {
  return <ScenarioPage />;
}
