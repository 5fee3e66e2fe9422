import type { Logger } from '@what-if/kit';
import type { Config } from '../config';
import { createLogMailer } from './log-mailer';
import type { Mailer } from './mailer';
import { createOutboxMailer } from './outbox-mailer';
import { createSesMailer } from './ses-mailer';

export function mailerFromConfig(config: Config, logger: Logger): Mailer {
  switch (config.MAILER) {
    case 'ses':
      return createSesMailer(config.AWS_REGION, config.MAIL_FROM);
    case 'outbox':
      return createOutboxMailer(config.MAIL_OUTBOX_DIR, config.MAIL_FROM);
    case 'log':
      return createLogMailer(logger, { includeBody: config.NODE_ENV !== 'production' });
  }
}
