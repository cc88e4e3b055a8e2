// Each request takes its place in the embedded database's line when it arrives
// (db/pglite-queue.ts): its statements go before those of requests that came later, so a
// request once begun is finished rather than overtaken again and again. (PostgreSQL has a
// pool of connections, and no such line: there `atPlace` just goes on.)
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { atPlace, nextPlace } from '../../db/pglite-queue.ts';

const places = new WeakMap<FastifyRequest, number>();

const continueAtPlace = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
  let place = places.get(request);
  if (place === undefined) {
    place = nextPlace();
    places.set(request, place);
  }
  atPlace(place, done);
};

export const databaseTurnPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', continueAtPlace);
  // Again once the body is read: the stream's events run outside the request's context.
  app.addHook('preValidation', continueAtPlace);
});
