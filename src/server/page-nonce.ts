// The web app's page (index.html) carries a fresh nonce on every answer: Mantine adds
// <style> elements as it renders, and the Content-Security-Policy lets in only those with the
// page's nonce (plugins/security-headers.ts). The build writes a placeholder where the nonce
// goes (vite.config.ts, html.cspNonce: a <meta property="csp-nonce"> the app reads, and the
// page's own tags); the server puts each answer's nonce in its place (plugins/web.ts).
import { randomBytes } from 'node:crypto';

/** What the build writes for the nonce: letters only, so it is found and nowhere else. */
export const NONCE_PLACEHOLDER = 'riktningCspNoncePlaceholder';

/** 128 random bits, as the CSP's nonce-source grammar allows (base64). */
export const newNonce = (): string => randomBytes(16).toString('base64');

/** The built page with this answer's nonce. */
export const pageWithNonce = (page: string, nonce: string): string => page.replaceAll(NONCE_PLACEHOLDER, nonce);
