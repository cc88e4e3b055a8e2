// The outbox's mail transport: nodemailer over SMTP, from SMTP_URL (e.g.
// smtp://user:pass@mail.example.com:587, or smtps:// for TLS from the start). Without it
// there is no transport and the outbox holds messages for admins to read.
import nodemailer from 'nodemailer';
import type { Mailer } from '../app/notifications/deliver-outbox.ts';

export interface MailTransport extends Mailer {
  close(): void;
}

export function createMailTransport(smtpUrl: string, from: string): MailTransport {
  // A pool keeps connections open between messages: a new SMTP handshake per message costs
  // about 100 ms even on loopback. `?pool=false` in the URL turns it off.
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transporter = nodemailer.createTransport(url.toString());
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      });
    },
    close: () => transporter.close(),
  };
}
