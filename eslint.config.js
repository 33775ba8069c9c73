// ESLint: the type-checked rules that catch what the compiler does not —
// promises nobody awaits, promises passed where a callback is expected,
// switches that miss a case of a union, and `any`, which turns checking off.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'test-output/', 'src/web/admin/client/dist/', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // a `default:` that handles the rest on purpose (an unknown typeof, a content type with no special
      // structured data) counts as covering them; a switch without one must name every case
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      // a leading underscore marks a parameter or a left-out field as unused on purpose (an interface's
      // argument this implementation ignores, a secret dropped from a copy with a rest pattern)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // off on purpose: here an `async` without `await` is how a function keeps a promise-returning
      // contract (Fastify hooks and handlers, the store's and the bus's interfaces) and turns a throw into
      // a rejection the caller handles; removing `async` would change that behaviour
      '@typescript-eslint/require-await': 'off',
    },
  },
  // tests and benchmarks: the same four rules. node:test's test/describe/it/hooks return promises that the
  // runner itself tracks, so calling them without await is the documented way to use them.
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // tests read answers (JSON bodies, rows) as the untrusted shapes they are and assert on them:
      // the value of the no-unsafe-* family is in src, where such a value would flow on unchecked
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // ~190 `any`s remain in tests (mostly callbacks over JSON answers): reported, not yet refused — see docs/decisions/0006-lint-and-format.md
      '@typescript-eslint/no-explicit-any': 'warn',
      // messages and fixtures in tests interpolate whatever they show; methods are passed on as they are in node:test's mocks
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach', 'only', 'skip', 'todo'],
            },
          ],
        },
      ],
    },
  },
  // migrations speak to a Kysely<any>: they describe tables as they were, not the types of today
  {
    files: ['src/store/migrations/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
