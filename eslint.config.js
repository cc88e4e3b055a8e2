// Lint rules, including the layer boundaries from DESIGN.md section 3:
// dependencies point inwards only (core <- db <- app <- server/cli; web -> core only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (dir, forbidden) => ({
  files: [`src/${dir}/**/*.ts`, `src/${dir}/**/*.tsx`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((target) => ({
          group: [`**/${target}/*`, `**/${target}`],
          message: `The ${dir} layer must not import from ${target} (DESIGN.md section 3).`,
        })),
      },
    ],
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
  layer('core', ['db', 'app', 'server', 'cli', 'web', 'test']),
  layer('db', ['app', 'server', 'cli', 'web']),
  layer('app', ['server', 'cli', 'web']),
  layer('server', ['cli', 'web']),
  layer('cli', ['server', 'web']),
  layer('web', ['db', 'app', 'server', 'cli']),
);
