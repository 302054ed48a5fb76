// Entry of the Electron main process (electron-vite builds this file). Everything that needs `electron`
// lives under ./app; the services it wires up are plain Node modules shared with the e2e harness.
import './app/main'
