// Electron's binary is not downloaded at `npm ci` (its install script is not in package.json's
// allowScripts, so offline CI machines install cleanly); it is fetched here, the first time the app
// is started on a desktop. Later starts find it and go straight on.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function binaryPresent() {
  try {
    require('electron')
    return true
  } catch {
    return false
  }
}

if (!binaryPresent()) {
  console.log('Downloading the Electron runtime for this computer (first start only)…')
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js')
  const result = spawnSync(process.execPath, [installer], { stdio: 'inherit' })
  if (result.status !== 0 || !binaryPresent()) {
    console.error(
      '\nElectron could not be downloaded. Check the network or proxy (HTTPS_PROXY), or point ELECTRON_MIRROR ' +
        'at a mirror, then run `npm start` again. See README, Troubleshooting.'
    )
    process.exit(1)
  }
}
