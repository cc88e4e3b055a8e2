import { describe, expect, it } from 'vitest';
import { testServer } from '../test/server.ts';
import { operationsOf } from '../test/world.ts';

describe('API description and service endpoints', () => {
  it('publishes an OpenAPI 3.1 document where every operation is named, described and tagged', async () => {
    const { app } = await testServer();
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(40);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations as unknown as {
      key: string;
      summary?: string;
      tags?: string[];
      responses?: object;
    }[]) {
      expect(op.summary, op.key).toBeTruthy();
      expect(op.tags?.length, op.key).toBeGreaterThan(0);
      expect(Object.keys(op.responses ?? {}).length, op.key).toBeGreaterThan(0);
    }
    expect(document.components.schemas.Problem).toBeDefined();
  });

  it('describes the sheet import: the file read as CSV or XLSX, the check and import, the templates', async () => {
    const { app } = await testServer();
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const read = document.paths['/api/v1/orgs/{orgId}/sheet-imports/read'].post;
    expect(read.operationId).toBe('readSheetImport');
    expect(read['x-read-only']).toBe(true);
    expect(Object.keys(read.requestBody.content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(read.responses)).toEqual(expect.arrayContaining(['200', '413', '415', '422']));
    const load = document.paths['/api/v1/orgs/{orgId}/sheet-imports'].post;
    expect(load.operationId).toBe('importSheet');
    expect(Object.keys(load.responses)).toEqual(expect.arrayContaining(['200', '201', '422']));
    const invalid = load.responses['422'].content['application/problem+json'].schema;
    expect(Object.keys(invalid.properties)).toEqual(expect.arrayContaining(['problems', 'problemCount']));
    expect(document.paths['/api/v1/sheet-templates/{file}'].get.security).toEqual([]);
  });

  it('describes the OKR sheet download: CSV or XLSX by a query parameter, for everyone signed in', async () => {
    const { app } = await testServer();
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const download = document.paths['/api/v1/orgs/{orgId}/okr-sheet'].get;
    expect(download.operationId).toBe('downloadOkrSheet');
    expect(Object.keys(download.responses['200'].content)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const query = Object.fromEntries(
      (
        download.parameters as {
          name: string;
          in: string;
          required?: boolean;
          schema: { anyOf?: { const: string }[] };
        }[]
      )
        .filter((p) => p.in === 'query')
        .map((p) => [p.name, p]),
    );
    expect(Object.keys(query).sort()).toEqual(['cycleId', 'format', 'lang', 'unitId']);
    expect(query.cycleId?.required).toBe(true);
  });

  it('serves interactive docs at /api/docs', async () => {
    const { app } = await testServer();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers /healthz and /readyz (routes/health.test.ts: when not ready), and unknown API paths with a problem', async () => {
    const { app } = await testServer();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'sv' },
    });
    expect(unknown.statusCode).toBe(401);
  });
});
