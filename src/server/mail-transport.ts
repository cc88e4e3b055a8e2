// The outbox's mail transport: nodemailer over SMTP, from SMTP_URL (e.g.
// smtp://user:pass@mail.example.com:587, or smtps:// for TLS from the start). Without it
// there is no transport and the outbox holds messages for admins to read.
import nodemailer from 'nodemailer';
import type { Mailer } from '../app/notifications/deliver-outbox.ts';

export interface MailTransport extends Mailer {
  close(): void;
}

export function createMailTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
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
