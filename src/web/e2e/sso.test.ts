// Signing in through the company's identity provider: a real OpenID provider on loopback
// (oidc-provider). Sara clicks "Logga in med Nordljus SSO", the browser goes to the
// provider and back, and she lands on the organisation's home, signed in; in English, a
// person whose domain may not have an account is sent back to the sign-in page, which
// says why.
import { afterAll, expect, it } from 'vitest';
import { relyingParty, type OidcSettings } from '../../app/sso/relying-party.ts';
import { startOidcProvider, type TestOidcProvider } from '../../test/oidc-provider.ts';
import { expectNoSeriousViolations, type Harness } from './harness.ts';
import { browserSuite } from './journey.ts';

// Filled in once the server has its address (the provider must know where to send people
// back); the relying party discovers the provider at the first sign-in, after that.
const settings: OidcSettings = {
  issuer: '',
  clientId: '',
  clientSecret: '',
  name: 'Nordljus SSO',
  allowedDomains: ['example.com'],
  joinOrgSlug: null,
  groupsClaim: 'groups',
  roleMap: {},
  redirectUri: '',
  allowHttp: true,
};
let idp: TestOidcProvider | undefined;

async function provider(harness: Harness): Promise<TestOidcProvider> {
  if (idp) return idp;
  settings.redirectUri = `${harness.baseUrl}/api/v1/auth/sso/oidc/callback`;
  idp = await startOidcProvider(settings.redirectUri);
  Object.assign(settings, { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret });
  return idp;
}

afterAll(async () => {
  await idp?.close();
});

browserSuite(
  'single sign-on journey',
  (journey) => {
    it('Sara signs in through the identity provider and lands on the organisation’s home', async () => {
      const { page, harness } = journey;
      const idp = await provider(harness);
      idp.people.set('sara-at-idp', { email: 'sara@example.com', emailVerified: true, name: 'Sara Lindqvist' });
      idp.signInAs('sara-at-idp');

      await page.goto('/login');
      const button = page.getByRole('link', { name: 'Logga in med Nordljus SSO' });
      await button.waitFor();
      await page.getByText('eller med din e-postadress och ditt lösenord').waitFor();
      await expectNoSeriousViolations(page, 'sign-in with single sign-on');
      await button.click();

      await page.waitForURL(new RegExp(`/orgs/${harness.orgId}$`));
      await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
      const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
        account: { email: string } | null;
      };
      expect(session.account?.email).toBe('sara@example.com');
    });

    it('in English: a person of another domain is sent back to the sign-in page, which says why', async () => {
      const { page, harness } = journey;
      const idp = await provider(harness);
      idp.people.set('stranger-at-idp', { email: 'stranger@elsewhere.test', emailVerified: true, name: 'Stranger' });
      idp.signInAs('stranger-at-idp');

      await page.goto('/login');
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('link', { name: 'Sign in with Nordljus SSO' }).click();
      await page.waitForURL(/\/login\?sso=sso_domain$/);
      const alert = page.getByRole('alert');
      await alert.getByText(/There is no account for your e-mail address/).waitFor();
      await expectNoSeriousViolations(page, 'sign-in after a refused single sign-on');
      // Nobody is signed in, and the form is there to use instead.
      const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { account: unknown };
      expect(session.account).toBeNull();
      await page.getByRole('textbox', { name: 'E-mail' }).waitFor();
    });
  },
  { sso: relyingParty(settings) },
);
