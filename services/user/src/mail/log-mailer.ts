import type { Logger } from '@what-if/kit';
import type { Mailer } from './mailer';

/**
 * Writes mail to the service log. The links in it are credentials, so outside development
 * and tests only the envelope is logged.
 */
export function createLogMailer(logger: Logger, options: { includeBody: boolean }): Mailer {
  return {
    async send(message) {
      const envelope = { kind: message.kind, to: message.to, subject: message.subject };
      logger.info(
        { mail: options.includeBody ? { ...envelope, body: message.text } : envelope },
        'mail: logged',
      );
    },
  };
}
