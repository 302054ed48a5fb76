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

export type InstallDecision = { install: true; version: string } | { install: false; reason: string }

/** Main's half: install only a downloaded update, and never over unfinished work. */
export function installDecision(work: MainWork): InstallDecision {
  if (!work.readyVersion) return { install: false, reason: 'No update has been downloaded yet.' }
  if (work.pendingSimCommands > 0) {
    const commands = work.pendingSimCommands === 1 ? 'A SIM command is' : `${work.pendingSimCommands} SIM commands are`
    return { install: false, reason: `${commands} still waiting for the vehicle's answer. The app can restart once it is confirmed, has failed or has timed out.` }
  }
  if (work.callsInFlight > 0) return { install: false, reason: 'The app is still finishing a request. Try again in a moment.' }
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
