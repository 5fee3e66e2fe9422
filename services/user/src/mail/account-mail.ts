import type { MailMessage } from './mailer';

export function emailVerificationMail(to: string, link: string, validHours: number): MailMessage {
  return {
    kind: 'email-verification',
    to,
    subject: 'Confirm your email address for What If',
    text: `Confirm this address for your What If account by opening:\n\n${link}\n\nThe link works once, for ${validHours} hours. If you did not sign up, ignore this message.\n`,
    link,
  };
}

export function emailChangeMail(to: string, link: string, validHours: number): MailMessage {
  return {
    kind: 'email-change',
    to,
    subject: 'Confirm the new email address of your What If account',
    text: `Your What If account will move to this address once you open:\n\n${link}\n\nThe link works once, for ${validHours} hours. If you did not ask for this, ignore this message; nothing changes.\n`,
    link,
  };
}

export function passwordResetMail(to: string, link: string, validMinutes: number): MailMessage {
  return {
    kind: 'password-reset',
    to,
    subject: 'Reset your What If password',
    text: `Choose a new password for your What If account by opening:\n\n${link}\n\nThe link works once, for ${validMinutes} minutes, and signs you out everywhere. If you did not ask for this, ignore this message.\n`,
    link,
  };
}
