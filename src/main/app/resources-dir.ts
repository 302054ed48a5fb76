import { join } from 'node:path'

/**
 * Where the SQL migrations and the PDF fonts are. Packaged, electron-builder copies `resources/` beside
 * app.asar (electron-builder.yml, extraResources), so it lives in Electron's resources folder; from a
 * checkout it is the repository's own `resources/`. The packaging check reads this function too.
 */
export function resourcesDir(where: { packaged: boolean; resourcesPath: string; appPath: string }): string {
  return where.packaged ? join(where.resourcesPath, 'resources') : join(where.appPath, 'resources')
}
