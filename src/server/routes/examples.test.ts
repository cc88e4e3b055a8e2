import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { createMember, createOrg } from '../../test/factories.ts';

interface Examples {
  lang: string;
  functions: { id: string; name: string }[];
  items: {
    id: string;
    function: string;
    title: string;
    keyResults: { title: string; start: number; target: number }[];
  }[];
}

describe('GET /examples', () => {
  it('hands out the library in the language asked for, one function or all', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const member = await createMember(deps.db, org.id, 'member', { locale: 'sv' });
    const client = await ApiClient.signIn(app, member.email);

    const swedish = await client.get('/api/v1/examples?lang=sv');
    expect(swedish.statusCode).toBe(200);
    const all = swedish.json<Examples>();
    expect(all.lang).toBe('sv');
    expect(all.functions.map((f) => f.name)).toEqual([
      'Försäljning',
      'Marknad',
      'HR',
      'IT',
      'Produkt',
      'Offentlig sektor',
      'Personlig utveckling',
    ]);
    expect(all.items.length).toBeGreaterThanOrEqual(21);
    expect(all.items[0]).toMatchObject({
      id: 'sales-new-customers',
      function: 'sales',
      title: 'Bli det självklara valet för nya kunder i vår region',
    });

    const hr = (await client.get('/api/v1/examples?lang=en&function=hr')).json<Examples>();
    expect(hr.lang).toBe('en');
    expect(hr.items.map((e) => e.function)).toEqual(['hr', 'hr', 'hr']);
    expect(hr.items[0]?.title).toBe('Make this a place where people want to stay and grow');
    expect(hr.items[0]?.keyResults[0]).toEqual({
      title: 'Employee NPS from 5 to 25',
      metric: 'increase_to',
      start: 5,
      target: 25,
      unit: 'eNPS',
    });
    // The functions are all named whatever the filter, so a client can offer the others.
    expect(hr.functions).toHaveLength(7);

    // Without a language: the caller's own.
    expect((await client.get('/api/v1/examples?function=it')).json<Examples>().items[0]?.title).toBe(
      'IT-driften ska vara något verksamheten aldrig behöver tänka på',
    );
  });

  it('names an unknown function or language, and wants a signed-in caller', async () => {
    const { app, deps } = await testServer();
    const { owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);

    const badFunction = await client.get('/api/v1/examples?lang=sv&function=finance');
    expect(badFunction.statusCode).toBe(400);
    expect(badFunction.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badFunction.json().errors[0].field).toBe('/querystring/function');

    const badLanguage = await client.get('/api/v1/examples?lang=de');
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.json().errors[0].field).toBe('/querystring/lang');

    expect((await ApiClient.anonymous(app).get('/api/v1/examples?lang=sv')).statusCode).toBe(401);
  });
});
