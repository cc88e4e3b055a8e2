// The single sign-on providers the sign-in page offers (docs/sso.md).
import { Type } from 'typebox';

export const AuthProviderSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'What the sign-in button names: "Sign in with {name}"' }),
  startUrl: Type.String({ description: 'Where the browser goes to sign in with it' }),
});
