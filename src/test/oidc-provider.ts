// A real OpenID provider on loopback for tests (oidc-provider, a certified implementation):
// one confidential client, PKCE required, people the test names, and an interaction that
// signs in whoever the test says is at the keyboard. `tamperNextIdToken` rewrites the next
// ID token the token endpoint gives (re-signed with the provider's own key), so that the
// relying party's own checks (audience, expiry) are what refuses it.
import { createSign, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderPerson {
  email: string;
  emailVerified: boolean;
  name: string;
  groups?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The subject the next sign-in at the provider is, and who that is. */
  people: Map<string, ProviderPerson>;
  signInAs(subject: string): void;
  /** Changes the claims of the next ID token the token endpoint answers with. */
  tamperNextIdToken(change: (claims: Record<string, unknown>) => Record<string, unknown>): void;
  /**
   * Follows the provider's redirects from its authorization URL, as a browser would, until
   * it sends the browser back to `redirectUri`: that URL, with the code and state.
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

/** `redirectUris`: the callbacks registered for its one client (Riktning's, per provider path). */
export async function startOidcProvider(redirectUris: string | string[]): Promise<TestOidcProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: JsonWebKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const people = new Map<string, ProviderPerson>();
  let subject = '';
  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  let handle: (request: IncomingMessage, response: ServerResponse) => void = () => undefined;

  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'riktning';
  const clientSecret = 'a-client-secret-for-tests-only-0123456789';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUris].flat(),
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as Record<string, string>] },
    cookies: { keys: ['cookie-key-for-tests-only'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // The claims in the ID token itself, as Entra ID, Google and Keycloak put them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    // An hour for tokens, as common providers give; minutes for the rest.
    ttl: { AccessToken: 3_600, IdToken: 3_600, Interaction: 600, Grant: 600, Session: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const person = people.get(id);
      return person
        ? {
            accountId: id,
            claims: () => ({
              sub: id,
              email: person.email,
              email_verified: person.emailVerified,
              name: person.name,
              ...(person.groups ? { groups: person.groups } : {}),
            }),
          }
        : undefined;
    },
  });
  const callback = provider.callback();

  handle = (request, response) => {
    if (request.url?.startsWith('/interaction/')) {
      void finishInteraction(request, response);
      return;
    }
    if (request.url?.startsWith('/token') && tamper) {
      rewriteIdToken(response, tamper);
      tamper = undefined;
    }
    callback(request, response);
  };

  // Whoever the test named signs in and agrees to share their e-mail and name.
  async function finishInteraction(request: IncomingMessage, response: ServerResponse) {
    const details = await provider.interactionDetails(request, response);
    const grant = new provider.Grant({ accountId: subject, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: subject }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** Re-signs the answer's ID token with the changed claims, as the provider would have signed it. */
  function rewriteIdToken(
    response: ServerResponse,
    change: (claims: Record<string, unknown>) => Record<string, unknown>,
  ) {
    const end = response.end.bind(response) as (body?: string | Buffer) => ServerResponse;
    (response as { end: (body?: string | Buffer) => ServerResponse }).end = (body) => {
      const answer = JSON.parse(String(body)) as { id_token?: string };
      if (answer.id_token) {
        const [header, payload] = answer.id_token.split('.');
        const claims = change(
          JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>,
        );
        const signed = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
        answer.id_token = `${signed}.${createSign('RSA-SHA256').update(signed).sign(privateKey).toString('base64url')}`;
      }
      const text = JSON.stringify(answer);
      if (!response.headersSent) response.setHeader('content-length', Buffer.byteLength(text));
      return end(text);
    };
  }

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    signInAs: (id) => {
      subject = id;
    },
    tamperNextIdToken: (change) => {
      tamper = change;
    },
    async authorize(authorizationUrl) {
      const cookies = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let step = 0; step < 10; step++) {
        const answer = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        });
        for (const cookie of answer.headers.getSetCookie()) {
          const [pair = ''] = cookie.split(';');
          const at = pair.indexOf('=');
          cookies.set(pair.slice(0, at), pair.slice(at + 1));
        }
        const location = answer.headers.get('location');
        if (!location)
          throw new Error(`the provider answered ${answer.status} without a redirect: ${await answer.text()}`);
        url = new URL(location, url);
        if ([redirectUris].flat().some((uri) => url.href.startsWith(uri))) return url;
      }
      throw new Error('the provider did not send the browser back');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
