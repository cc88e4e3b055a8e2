// The invitation e-mail, in both languages. It greets no one by name and says nothing of
// whether the address has an account: the same text goes to everyone, and the admin who
// sent it may read it in the outbox.
import type { RenderedMessage } from './templates.ts';
import type { Locale } from '../../core/domain.ts';

export interface InvitationParams {
  orgName: string;
  inviterName: string;
  /** The invitation page: choose a password, or sign in and join. */
  link: string;
  /** YYYY-MM-DD, the last day the link works. */
  expiresOn: string;
}

export const INVITATION: Record<Locale, (p: InvitationParams) => RenderedMessage> = {
  en: (p) => ({
    subject: `${p.inviterName} invites you to ${p.orgName} in Riktning`,
    text:
      `${p.inviterName} invites you to join ${p.orgName} in Riktning, where the organisation keeps its objectives and key results.\n\n` +
      `Accept the invitation: ${p.link}\n\n` +
      `If you already use Riktning, sign in there and join with one click; if not, choose a password. The link works until ${p.expiresOn}.\n` +
      `If you did not expect this, ignore this e-mail: nothing happens unless you accept.\n`,
  }),
  sv: (p) => ({
    subject: `${p.inviterName} bjuder in dig till ${p.orgName} i Riktning`,
    text:
      `${p.inviterName} bjuder in dig till ${p.orgName} i Riktning, där organisationen har sina mål och nyckelresultat.\n\n` +
      `Tacka ja till inbjudan: ${p.link}\n\n` +
      `Använder du redan Riktning loggar du in där och går med med ett klick; annars väljer du ett lösenord. Länken fungerar till och med ${p.expiresOn}.\n` +
      `Väntade du dig inte detta kan du bortse från mejlet: ingenting händer om du inte tackar ja.\n`,
  }),
};
