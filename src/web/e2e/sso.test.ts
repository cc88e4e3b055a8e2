// Signing in through the company's identity provider: a real OpenID provider on loopback
// (oidc-provider). Sara clicks "Logga in med Nordljus SSO", the browser goes to the
// provider and back, and she lands on the organisation's home, signed in; in English, a
// person whose domain may not have an account is sent back to the sign-in page, which
// says why.
import { afterAll, expect, it } from 'vitest';
import { relyingParty, type OidcSettings } from '../../app/sso/relying-party.ts';
import { startOidcProvider, type TestOidcProvider } from '../../test/oidc-provider.ts';
import { expectNoSeriousViolations, signIn, type Harness } from './harness.ts';
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
  // The organisation's own provider (set in the app) is the same provider, as another client would be.
  idp = await startOidcProvider([
    settings.redirectUri,
    `${harness.baseUrl}/api/v1/auth/sso/orgs/${harness.orgId}/callback`,
  ]);
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

    it('the owner sets the organisation’s own provider in Administration; Anna signs in through its sign-in page', async () => {
      const { page, harness } = journey;
      const idp = await provider(harness);
      await signIn(page, 'demo@example.com');
      await page.goto(`/orgs/${harness.orgId}/admin/sso`);
      await page.getByRole('tab', { name: 'Enkel inloggning', selected: true }).waitFor();
      await page.getByRole('textbox', { name: 'Utfärdarens URL' }).fill(idp.issuer);
      await page.getByRole('textbox', { name: 'Klient-id' }).fill(idp.clientId);
      await page.getByLabel('Klienthemlighet').fill(idp.clientSecret);
      await page.getByRole('textbox', { name: 'Knappens namn' }).fill('Nordljus Entra');
      await page.getByRole('textbox', { name: 'Tillåtna e-postdomäner' }).fill('nordljus.test');
      await page.getByRole('textbox', { name: 'Roller från grupper' }).fill('okr = ägare');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByText('Rad 1: skriv grupp = admin, member eller viewer').waitFor();
      await page.getByRole('textbox', { name: 'Roller från grupper' }).fill('okr-läsare = viewer');
      await page.getByRole('button', { name: 'Spara' }).click();
      await page.getByText('Enkel inloggning är sparad.').waitFor();
      const signInUrl = await page.getByTestId('sso-sign-in-url').inputValue();
      expect(await page.getByTestId('sso-redirect-uri').inputValue()).toBe(
        `${harness.baseUrl}/api/v1/auth/sso/orgs/${harness.orgId}/callback`,
      );
      // The secret is written, never shown again.
      expect(await page.getByLabel('Klienthemlighet').inputValue()).toBe('');
      await expectNoSeriousViolations(page, 'single sign-on settings');

      // A new person of the organisation's domain, from its sign-in page.
      await page.context().clearCookies();
      idp.people.set('anna-at-idp', {
        email: 'anna@nordljus.test',
        emailVerified: true,
        name: 'Anna Berg',
        groups: ['okr-läsare'],
      });
      idp.signInAs('anna-at-idp');
      await page.goto(signInUrl.replace(/^https?:\/\/[^/]+/, ''));
      await page.getByRole('link', { name: 'Logga in med Nordljus Entra' }).click();
      await page.waitForURL(new RegExp(`/orgs/${harness.orgId}$`));
      await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
      const me = (await (await page.request.get('/api/v1/me')).json()) as {
        email: string;
        memberships: { orgId: string; role: string }[];
      };
      expect(me.email).toBe('anna@nordljus.test');
      expect(me.memberships).toEqual([expect.objectContaining({ orgId: harness.orgId, role: 'viewer' })]);
    });
  },
  { sso: relyingParty(settings) },
);
