// Lint rules, including the layer boundaries from DESIGN.md section 3: dependencies point
// inwards only (core <- db <- app <- server/cli; api schemas <- server; web -> core and
// the API's types only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const forbid = (dir, targets) =>
  targets.map((target) => ({
    group: [`**/${target}/*`, `**/${target}`],
    message: `The ${dir} layer must not import from ${target} (DESIGN.md section 3).`,
  }));

const layer = (dir, forbidden, extra = []) => ({
  files: [`src/${dir}/**/*.ts`, `src/${dir}/**/*.tsx`],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...forbid(dir, forbidden), ...extra] }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer('core', ['db', 'app', 'server', 'cli', 'web', 'api', 'test']),
  layer('api', ['db', 'app', 'server', 'cli', 'web']),
  layer('db', ['app', 'server', 'cli', 'web', 'api']),
  layer('app', ['server', 'cli', 'web', 'api']),
  layer('server', ['cli', 'web']),
  layer('cli', ['server', 'web']),
  // The web app may know the API's shapes (types only, so no schema code ships to browsers).
  layer(
    'web',
    ['db', 'app', 'server', 'cli', 'test'],
    [{ group: ['**/api/*', '**/api/**'], allowTypeImports: true, message: 'The web app imports only types from the API schemas.' }],
  ),
);
