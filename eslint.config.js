// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
      'no-restricted-imports': ['error', { paths: environmentalPaths, patterns: [environmental, mainCode, rendererCode] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname', 'localStorage', 'indexedDB', 'navigator']
    }
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: exact([...nodeBuiltins, 'electron'], 'No Node or Electron in the renderer: everything goes through window.api.'),
          patterns: [mainCode, { group: ['electron/*'], message: 'No Electron in the renderer.' }]
        }
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname']
    }
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/app/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: exact(['electron', 'electron-log/main'], electronOnlyMessage), patterns: [rendererCode, electronOnlyInApp] }] }
  },
  {
    files: ['src/main/app/**/*.ts', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererCode] }] }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainCode, rendererCode] }] }
  },
  {
    files: ['e2e/harness/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } }
  }
)
