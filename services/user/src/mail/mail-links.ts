import type { Logger } from '@what-if/kit';
import type { Mailer, MailMessage } from './mailer';

/** Pages of the web app that mailed links open; the app posts the token back to the API. */
export function appLink(appUrl: string, page: 'verify-email' | 'reset-password', token: string): string {
  return `${appUrl}/${page}?token=${encodeURIComponent(token)}`;
}

/**
 * Sends without making the request wait: a slow or failing mail provider must not change
 * what (or when) the client is answered, which would also tell which addresses exist.
 */
export function sendInBackground(mailer: Mailer, message: MailMessage, logger: Logger): void {
  void mailer.send(message).catch((error: unknown) => {
    logger.error({ err: error, mailKind: message.kind }, 'mail: could not send');
  });
}
