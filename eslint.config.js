// Lint rules, including the layer boundaries of DESIGN.md section 3 (eslint/layers.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersRule } from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { riktning: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'riktning/layers': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react-router',
              importNames: ['Link', 'NavLink'],
              message: "Use the app's Link (src/web/components/Link.tsx): React Router's costs the first pages.",
            },
          ],
        },
      ],
    },
  },
);
