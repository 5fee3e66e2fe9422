import { LanguageRedirect } from './LanguageRedirect';

export default function EntryPage() {
  return <LanguageRedirect target="" />;
}
