/**
 * Builds what the harness serves to the benchmark's Chromium, with Vite's JS API and the aliases of
 * electron.vite.config.ts: the app's renderer as production builds it (the real page for the typing
 * test), and the bench page (bench/page/bench.html) importing the real cache modules, as /bench.html
 * beside the app's index.html: the harness bridge calls `./api/…` relative to the page, so both pages
 * must sit at the root of the same origin. Output: a folder under the system's temporary directory,
 * outside the repository (nothing to ignore, nothing for lint to read).
 */
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { build, type InlineConfig } from 'vite'

const ROOT = resolve(import.meta.dirname, '../..')
export const SITE_DIR = join(tmpdir(), 'mini-backoffice-bench-site')

const alias = {
  '@shared': join(ROOT, 'src/shared'),
  '@main': join(ROOT, 'src/main'),
  '@renderer': join(ROOT, 'src/renderer/src')
}

export async function buildSite(): Promise<string> {
  await rm(SITE_DIR, { recursive: true, force: true })
  const common: InlineConfig = { configFile: false, base: './', logLevel: 'error', resolve: { alias } }
  const output = { outDir: SITE_DIR, reportCompressedSize: false, chunkSizeWarningLimit: 4_000 }
  // The renderer exactly as electron-vite builds it (same root, base, plugins and aliases).
  await build({ ...common, root: join(ROOT, 'src/renderer'), plugins: [vue()], build: { ...output, emptyOutDir: true } })
  await build({
    ...common,
    root: join(ROOT, 'bench/page'),
    build: { ...output, emptyOutDir: false, assetsDir: 'bench-assets', rollupOptions: { input: join(ROOT, 'bench/page/bench.html') } }
  })
  return SITE_DIR
}
