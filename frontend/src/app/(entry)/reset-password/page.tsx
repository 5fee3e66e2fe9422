import { LanguageRedirect } from '../LanguageRedirect';

/** The link the user service puts in its mail or redirects to, forwarded to the person's language. */
export default function Page() {
  return <LanguageRedirect target="/reset-password" />;
}
