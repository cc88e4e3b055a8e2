// The attempt limits of every route that takes a secret (a password, an invitation link):
// counted after the body is parsed, because what is being guessed at (the e-mail, the link,
// the account) is part of the key. Three limits, so that one guesser neither locks everyone
// behind an office's NAT out nor gets around the limit by spreading over many addresses:
//   per address and subject: the ordinary limit on guessing one account's password;
//   per subject, all addresses together: slower, against a guesser with many addresses;
//   per address, all subjects together: coarse, against trying many accounts from one place.
// The counts live in the server process (as @fastify/rate-limit keeps them by default).
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../app/errors.ts';

const MINUTE = 60_000;

export interface SignInLimits {
  /** Attempts per minute for one subject from one address. */
  perAddressAndSubject: number;
  /** Attempts per quarter of an hour for one subject from all addresses together. */
  perSubject: number;
  /** Attempts per minute from one address for all subjects together: enough for an office behind one NAT. */
  perAddress: number;
}

/** The limits that follow from the per-address-and-subject one (the server's `loginRateLimit`, 10 by default). */
export function signInLimits(perAddressAndSubject: number): SignInLimits {
  return { perAddressAndSubject, perSubject: perAddressAndSubject * 3, perAddress: perAddressAndSubject * 10 };
}

/** The body's e-mail as accounts are looked up by it, so that case does not make a fresh count. */
export function emailOf(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}

/**
 * A preHandler that counts the attempt against the three limits and refuses it with 429
 * rate_limited (and Retry-After) once one of them is spent. `subject` names what is guessed at.
 */
export function signInLimiter(
  app: FastifyInstance,
  perAddressAndSubject: number,
  subject: (request: FastifyRequest) => string,
): preHandlerAsyncHookHandler {
  const limits = signInLimits(perAddressAndSubject);
  const checks = [
    app.createRateLimit({ max: limits.perAddress, timeWindow: MINUTE, keyGenerator: (request) => request.ip }),
    app.createRateLimit({
      max: limits.perAddressAndSubject,
      timeWindow: MINUTE,
      keyGenerator: (request) => `${request.ip}|${subject(request)}`,
    }),
    app.createRateLimit({ max: limits.perSubject, timeWindow: 15 * MINUTE, keyGenerator: subject }),
  ];
  return async (request, reply) => {
    for (const check of checks) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', limit.ttlInSeconds);
        throw new AppError('rate_limited', 'rate_limited');
      }
    }
  };
}
