// The e-mails Riktning sends, in both languages. Each kind renders a subject and a plain
// text body from its parameters; links are absolute, built from the server's public URL.
import type { Locale } from '../../core/domain.ts';
import {
  CHECK_IN_REMINDER,
  WEEKLY_DIGEST,
  type CheckInReminderParams,
  type WeeklyDigestParams,
} from './scheduled-templates.ts';
import { INVITATION, type InvitationParams } from './invitation-template.ts';

export interface MentionParams {
  authorName: string;
  objectiveTitle: string;
  excerpt: string;
  link: string;
}

export interface MessageParams {
  mention: MentionParams;
  check_in_reminder: CheckInReminderParams;
  weekly_digest: WeeklyDigestParams;
  invitation: InvitationParams;
}
export type MessageKind = keyof MessageParams;

export interface RenderedMessage {
  subject: string;
  text: string;
}

type Templates = { [K in MessageKind]: Record<Locale, (p: MessageParams[K]) => RenderedMessage> };

export const TEMPLATES: Templates = {
  mention: {
    en: (p) => ({
      subject: `${p.authorName} mentioned you on “${p.objectiveTitle}”`,
      text: `${p.authorName} mentioned you in a comment on “${p.objectiveTitle}”:\n\n${p.excerpt}\n\nReply in Riktning: ${p.link}\n`,
    }),
    sv: (p) => ({
      subject: `${p.authorName} nämnde dig på ”${p.objectiveTitle}”`,
      text: `${p.authorName} nämnde dig i en kommentar på ”${p.objectiveTitle}”:\n\n${p.excerpt}\n\nSvara i Riktning: ${p.link}\n`,
    }),
  },
  check_in_reminder: CHECK_IN_REMINDER,
  weekly_digest: WEEKLY_DIGEST,
  invitation: INVITATION,
};

export function renderMessage<K extends MessageKind>(
  kind: K,
  locale: Locale,
  params: MessageParams[K],
): RenderedMessage {
  return TEMPLATES[kind][locale](params);
}
