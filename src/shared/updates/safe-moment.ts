/**
 * When an update may restart the app. Main knows what is pending (SIM commands waiting for the vehicle,
 * calls it is still answering); the renderer knows whether a dialog is open. Neither restarts alone:
 * the renderer offers "Restart now" only when both agree, and main checks its half again when asked.
 */

export interface MainWork {
  /** A downloaded update's version, or null. */
  readyVersion: string | null
  /** SIM commands sent to a vehicle and not yet confirmed, failed or timed out. */
  pendingSimCommands: number
  /** Renderer calls main is still answering (not counting the request to install). */
  callsInFlight: number
}

/** Why not now, as a message key the renderer words (src/shared/ipc/messages.ts). */
export type InstallDecision = { install: true; version: string } | { install: false; reason: 'update.notDownloaded' | 'update.waitForCommands' | 'update.waitForCalls'; count?: number }

/** Main's half: install only a downloaded update, and never over unfinished work. */
export function installDecision(work: MainWork): InstallDecision {
  if (!work.readyVersion) return { install: false, reason: 'update.notDownloaded' }
  if (work.pendingSimCommands > 0) return { install: false, reason: 'update.waitForCommands', count: work.pendingSimCommands }
  if (work.callsInFlight > 0) return { install: false, reason: 'update.waitForCalls' }
  return { install: true, version: work.readyVersion }
}

/** What the renderer's notice shows. */
export type RestartOffer =
  | { show: false }
  | { show: true; version: string; canRestart: true }
  | { show: true; version: string; canRestart: false; waitingFor: 'sim-command' | 'dialog' }

export function restartOffer(input: {
  /** The last updateReady push, or null. */
  update: { version: string; pendingCommands: number } | null
  dialogOpen: boolean
  /** The version the agent put off with "Later" (shown again only for a newer one). */
  dismissedVersion: string | null
}): RestartOffer {
  const { update, dialogOpen, dismissedVersion } = input
  if (!update || update.version === dismissedVersion) return { show: false }
  if (update.pendingCommands > 0) return { show: true, version: update.version, canRestart: false, waitingFor: 'sim-command' }
  if (dialogOpen) return { show: true, version: update.version, canRestart: false, waitingFor: 'dialog' }
  return { show: true, version: update.version, canRestart: true }
}
