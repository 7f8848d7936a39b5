// Lint rules for the whole hub: typescript-eslint's recommended set, formatting left to Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      '.hub-data/',
      'bench/node_modules/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Configuration is read once per service in its config module, nowhere else.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through a config module.',
        },
      ],
    },
  },
  {
    // Entry points hand process.env to their config module; tests and scripts set up processes.
    files: ['**/*.config.ts', '**/main.ts', 'tests/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The benchmark's peer gateways: plain Node.js programs configured by the benchmark.
    files: ['bench/peers/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
);
