import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'bin/', 'node_modules/', 'demo/', 'release/', 'bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // require() loads heavy modules only on the calls that need them.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Sanitising and stdin checks match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly' } },
  },
  {
    // stdout carries only protocol answers: nothing in bridge/ may print on its
    // own. The standard streams are reached through Io, made in process-io.ts.
    files: ['bridge/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        ...['stdin', 'stdout', 'stderr'].map((property) => ({
          object: 'process',
          property,
          message: 'use the Io the run was given (process-io.ts makes it)',
        })),
      ],
    },
  },
);
