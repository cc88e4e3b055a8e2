import { buildServer } from '../src/server/app.ts';
import { openPglite } from '../src/db/connect.ts';
const h = await openPglite(); await h.migrate();
const app = await buildServer({ deps: { db: h.db, now: () => new Date() } });
app.addHook('onRoute', (r) => console.log(r.url));
const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.c', password: 'x' } });
console.log(r.statusCode, r.body);
await app.close(); await h.close();
