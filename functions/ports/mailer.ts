/** Sends one e-mail; returns the provider's message id. SES in AWS; the local mailbox locally. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<{ providerId: string }>;
}
