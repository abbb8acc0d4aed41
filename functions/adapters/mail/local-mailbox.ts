import type { Mailer } from '#ports/mailer';

/**
 * Local mode sends no e-mail: a message counts as delivered to the local mailbox, and the outbox
 * page (/local/outbox, local mode only) shows it so a developer can read what an applicant would get.
 */
export const localMailbox: Mailer = {
  async send() {
    return { providerId: 'local-mailbox' };
  },
};
