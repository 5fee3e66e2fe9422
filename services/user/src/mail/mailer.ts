/** The kinds of mail the service sends; tests and templates key on them. */
export type MailKind = 'email-verification' | 'email-change' | 'password-reset';

export interface MailMessage {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  /** The link the message is about, for the outbox (development) only. */
  link: string;
}

/** Where account mail goes: Amazon SES in AWS, the log or an outbox directory in development. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
