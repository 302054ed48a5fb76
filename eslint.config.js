// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'
import { defineConfig } from 'eslint/config'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import * as jsoncParser from 'jsonc-eslint-parser'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

/**
 * Lint enforces the layering (ARCHITECTURE.md, after VS Code's common/browser/node/electron-main):
 * src/shared runs anywhere and imports nothing environmental; the renderer and main never import each
 * other; only src/main/app (the thin Electron layer) and the preload import `electron`.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
// Builtins are exact module names (`paths`): as gitignore-style patterns, 'util' would also match
// a relative '../util/dates'.
const exact = (names, message) => names.map((name) => ({ name, message }))
const pureMessage = 'src/shared is pure: no Node, DOM, Electron, database or UI imports.'
const environmentalPaths = exact([...nodeBuiltins, 'electron', 'electron-log', 'dexie', 'vue', 'pinia', 'element-plus', 'vue-router', 'vue-i18n', '@electric-sql/pglite'], pureMessage)
const environmental = { group: ['electron/*', 'electron-log/*', '@electric-sql/*', 'element-plus/*'], message: pureMessage }
const mainCode = { group: ['@main/*', '**/main/**'], message: 'The renderer never imports the main process.' }
const rendererCode = { group: ['@renderer/*', '**/renderer/**'], message: 'The main process never imports the renderer.' }
const electronOnlyMessage = 'Only src/main/app (the Electron layer) imports electron; services are plain Node modules.'
const electronOnlyInApp = { group: ['electron/*'], message: electronOnlyMessage }
/**
 * The rules module is used through its public surface only (RULES-API.md: `@shared/rules`, or `../rules`
 * inside src/shared): no file outside it reaches into one of its files (its test fixtures excepted).
 */
const rulesSurface = { regex: '(^@shared/rules/|(^|/)rules/)(?!test-fixtures$).+', message: 'Import the rules module through its surface, @shared/rules (RULES-API.md), not one of its files.' }
/** And the rules module depends on nothing but itself and its two date libraries (an allow-list). */
const rulesOnlyItself = {
  regex: '^(?!\\./|temporal-polyfill$|date-holidays$|vitest$|fast-check$)',
  message: 'src/shared/rules imports only its own files (and temporal-polyfill, date-holidays): the rules stand alone.'
}

/**
 * The renderer's languages (issue 12, point 6): every key used exists, every locale has every key, no key
 * is unused, and no text a person reads is written in a component instead of a message file.
 * Keys built from a data value (`sim.state.${state}`) cannot be followed by the linter: those namespaces
 * are listed here and checked against their value lists in src/renderer/src/i18n/keys.test.ts.
 */
const i18nLocales = 'src/renderer/src/i18n/locales/*.json'
const DYNAMIC_KEY_NAMESPACES = [
  'errors', 'market', 'role', 'channel', 'customerKind', 'sim.state', 'sim.refusal', 'sim.reactivationRefusal', 'assessment.kept',
  'assessment.lost', 'assessment.effect', 'contract.statuses', 'purchases.statuses', 'services.statuses', 'simCommand.status',
  'simCommand.action', 'simCommand.explain', 'caller.documents', 'caller.failures', 'withdrawal.channels', 'withdrawal.refusals',
  'withdrawal.formula', 'withdrawal.dayKinds', 'cases.subject', 'cases.status', 'cases.decisions', 'cases.events', 'refund.methods',
  'audit.outcomes', 'audit.reasons', 'clauses.documents', 'simError', 'forms.contracts', 'bulk.outcome', 'bulk.action', 'bulk.jobStatus', 'bulk.rowStatus'
]
const i18nSettings = { 'vue-i18n': { localeDir: `./${i18nLocales}`, messageSyntaxVersion: '^11.0.0' } }
/** What may stand in a template as it is: punctuation, arrows, keyboard symbols, status icons beside words, the brand. */
const rawTextAllowed = {
  ignorePattern: '^[\\s·—–←→↑↓⌘+/:,.()✓✕!…▸⚠]*$',
  ignoreText: ['MINI', 'K'],
  // Attributes people read or hear (tooltips, labels, placeholders, screen-reader names) on any element.
  attributes: { '/.+/': ['title', 'label', 'placeholder', 'description', 'content', 'empty-text', 'alt', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-valuetext'] }
}

export default defineConfig(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**', 'bench/results/**', 'coverage/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off'
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: environmentalPaths, patterns: [environmental, mainCode, rendererCode, rulesSurface] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname', 'localStorage', 'indexedDB', 'navigator']
    }
  },
  {
    files: ['src/shared/rules/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rulesOnlyItself] }] }
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: exact([...nodeBuiltins, 'electron'], 'No Node or Electron in the renderer: everything goes through window.api.'),
          patterns: [mainCode, { group: ['electron/*'], message: 'No Electron in the renderer.' }, rulesSurface]
        }
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname']
    }
  },
  {
    // Views and components read through stores and data modules (issue 15, point 4): never the cache's
    // database or main's IPC client directly, so each fact has one reader and tests one place to fake.
    files: ['src/renderer/src/views/**/*.{ts,vue}', 'src/renderer/src/components/**/*.{ts,vue}'],
    ignores: ['src/renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: exact([...nodeBuiltins, 'electron'], 'No Node or Electron in the renderer: everything goes through window.api.'),
          patterns: [
            mainCode,
            { group: ['electron/*'], message: 'No Electron in the renderer.' },
            { group: ['**/cache/db', '@renderer/cache/db'], message: 'Views and components read the offline copy through its data modules (cache/vehicles.ts, cache/cases.ts), not its database.' },
            { group: ['**/api/client', '@renderer/api/client'], message: 'Views and components reach main through stores and data modules (stores/, api/*.ts), not the IPC client.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/app/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: exact(['electron', 'electron-log/main'], electronOnlyMessage), patterns: [rendererCode, electronOnlyInApp, rulesSurface] }] }
  },
  {
    files: ['src/main/app/**/*.ts', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererCode, rulesSurface] }] }
  },
  {
    // The server runs the same backend as main, without Electron and without the renderer.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: exact(['electron', 'electron-log/main'], 'The server is plain Node: no Electron.'), patterns: [rendererCode, electronOnlyInApp, rulesSurface, { group: ['**/main/app/**'], message: 'The server never imports the Electron layer.' }] }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainCode, rendererCode] }] }
  },
  {
    files: ['e2e/harness/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['src/renderer/**/*.{ts,vue}', i18nLocales],
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: i18nSettings
  },
  {
    files: [i18nLocales],
    languageOptions: { parser: vueParser, parserOptions: { parser: jsoncParser } },
    rules: {
      '@intlify/vue-i18n/no-unused-keys': [
        'error',
        { src: './src/renderer/src', extensions: ['.ts', '.vue'], ignores: DYNAMIC_KEY_NAMESPACES.map((n) => `/^${n.replace('.', '\\.')}\\./`) }
      ],
      '@intlify/vue-i18n/no-missing-keys-in-other-locales': 'error',
      '@intlify/vue-i18n/no-duplicate-keys-in-locale': 'error',
      '@intlify/vue-i18n/valid-message-syntax': 'error',
      '@intlify/vue-i18n/no-html-messages': 'error'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    ignores: ['src/renderer/**/*.test.ts'],
    rules: {
      '@intlify/vue-i18n/no-missing-keys': 'error',
      '@intlify/vue-i18n/no-raw-text': ['error', rawTextAllowed],
      '@intlify/vue-i18n/no-v-html': 'error',
      '@intlify/vue-i18n/no-deprecated-tc': 'error'
    }
  }
)
