// The language of messages for one request: the account's, else the browser's, else English.
import type { FastifyRequest } from 'fastify';
import type { Locale } from '../core/domain.ts';

export function requestLocale(request: FastifyRequest): Locale {
  if (request.caller?.locale) return request.caller.locale;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('sv') ? 'sv' : 'en';
}
