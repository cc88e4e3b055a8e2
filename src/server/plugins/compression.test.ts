// API answers of 1 KB or more go out compressed, brotli or gzip as the client accepts;
// smaller ones as they are; answers up to COMPRESSED_AT_ONCE_UP_TO are compressed in one go
// (so their length is known), the CSV export stays a stream, compressed as it goes.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { createMember, createOrg } from '../../test/factories.ts';
import { COMPRESSED_AT_ONCE_UP_TO, COMPRESSION_THRESHOLD } from './compression.ts';

async function world(people = 12) {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  // Enough people that the member list is well over a kilobyte.
  for (let i = 0; i < people; i++) await createMember(deps.db, org.id, 'member', { name: `Person number ${i}` });
  const admin = await ApiClient.signIn(app, owner.email);
  return { org, admin };
}

describe('compression', () => {
  it('sends an answer over 1 KB as brotli when accepted, decoding to the same JSON', async () => {
    const { org, admin } = await world();
    const url = `/api/v1/orgs/${org.id}/members`;
    const plain = await admin.get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD);

    const br = await admin.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('accept-encoding');
    expect(br.headers['content-type']).toContain('application/json');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());

    const gzip = await admin.get(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('compresses an answer of tens of kilobytes in one go, with its length', async () => {
    // Over the plugin's own limit for that (4–8 KB on two or more cores), under ours.
    const { org, admin } = await world(100);
    const url = `/api/v1/orgs/${org.id}/members?limit=200`;
    const plain = await admin.get(url);
    expect(plain.rawPayload.length).toBeGreaterThan(10 * 1024);
    expect(plain.rawPayload.length).toBeLessThan(COMPRESSED_AT_ONCE_UP_TO);
    for (const encoding of ['br', 'gzip']) {
      const answer = await admin.get(url, { headers: { 'accept-encoding': encoding } });
      expect(answer.headers['content-encoding']).toBe(encoding);
      // A stream would have gone out in chunks, without a length.
      expect(answer.headers['content-length']).toBe(String(answer.rawPayload.length));
      const decoded = encoding === 'br' ? brotliDecompressSync(answer.rawPayload) : gunzipSync(answer.rawPayload);
      expect(JSON.parse(decoded.toString('utf8'))).toEqual(plain.json());
    }
  });

  it('sends an answer under 1 KB as it is', async () => {
    const { admin } = await world();
    const small = await admin.get('/api/v1/me', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toHaveProperty('memberships');
  });

  it('compresses the CSV export as a stream', async () => {
    const { org, admin } = await world();
    const csv = await admin.get(`/api/v1/orgs/${org.id}/audit-events.csv`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-encoding']).toBe('gzip');
    // A buffered answer would have a length; a stream is sent in chunks as it is written.
    expect(csv.headers['content-length']).toBeUndefined();
    const text = gunzipSync(csv.rawPayload).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(1);
  });
});
