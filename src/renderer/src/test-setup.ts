// Renderer unit tests run in happy-dom with a real IndexedDB implementation (fake-indexeddb), so Dexie
// runs its real code paths.
import 'fake-indexeddb/auto'
