import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, dialog, shell, type BrowserWindow } from 'electron'
import type { DesktopPort } from '../services/form-requests'

/** Save-as and open-in-viewer for generated PDFs: the file system stays in main, never in the renderer. */
export function createDesktopPort(window: () => BrowserWindow | null): DesktopPort {
  return {
    async saveFile(defaultName, bytes) {
      const owner = window()
      const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] }
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return null
      await writeFile(choice.filePath, bytes)
      return choice.filePath
    },
    async openFile(name, bytes) {
      const dir = join(app.getPath('temp'), 'mini-back-office-forms')
      await mkdir(dir, { recursive: true })
      const path = join(dir, name)
      await writeFile(path, bytes)
      const problem = await shell.openPath(path)
      if (problem) throw new Error(`The PDF viewer could not be opened: ${problem}`)
      return path
    }
  }
}
