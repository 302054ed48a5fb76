import { describe, expect, it } from 'vitest'
import { installDecision, restartOffer } from './safe-moment'

describe('installDecision (main)', () => {
  const idle = { readyVersion: '0.2.0', pendingSimCommands: 0, callsInFlight: 0 }

  it('installs a downloaded update when nothing is pending', () => {
    expect(installDecision(idle)).toEqual({ install: true, version: '0.2.0' })
  })

  it('refuses while a SIM command waits for the vehicle, saying how many', () => {
    expect(installDecision({ ...idle, pendingSimCommands: 1 })).toEqual({ install: false, reason: 'update.waitForCommands', count: 1 })
    expect(installDecision({ ...idle, pendingSimCommands: 3 })).toEqual({ install: false, reason: 'update.waitForCommands', count: 3 })
  })

  it('refuses while main is still answering a call', () => {
    expect(installDecision({ ...idle, callsInFlight: 1 })).toEqual({ install: false, reason: 'update.waitForCalls' })
  })

  it('refuses when nothing has been downloaded, whatever else is true', () => {
    expect(installDecision({ ...idle, readyVersion: null, pendingSimCommands: 2 })).toEqual({ install: false, reason: 'update.notDownloaded' })
  })

  it('names the pending command before a running call', () => {
    expect(installDecision({ ...idle, pendingSimCommands: 1, callsInFlight: 2 })).toMatchObject({ reason: 'update.waitForCommands' })
  })
})

describe('restartOffer (renderer)', () => {
  const update = { version: '0.2.0', pendingCommands: 0 }

  it('shows nothing before an update is ready', () => {
    expect(restartOffer({ update: null, dialogOpen: false, dismissedVersion: null })).toEqual({ show: false })
  })

  it('offers a restart when no command is pending and no dialog is open', () => {
    expect(restartOffer({ update, dialogOpen: false, dismissedVersion: null })).toEqual({ show: true, version: '0.2.0', canRestart: true })
  })

  it('does not offer it while a dialog is open', () => {
    expect(restartOffer({ update, dialogOpen: true, dismissedVersion: null })).toEqual({ show: true, version: '0.2.0', canRestart: false, waitingFor: 'dialog' })
  })

  it('does not offer it while a SIM command is pending, dialog or not', () => {
    for (const dialogOpen of [false, true]) {
      expect(restartOffer({ update: { ...update, pendingCommands: 1 }, dialogOpen, dismissedVersion: null })).toEqual({ show: true, version: '0.2.0', canRestart: false, waitingFor: 'sim-command' })
    }
  })

  it('stays hidden after "Later" for that version, and comes back for a newer one', () => {
    expect(restartOffer({ update, dialogOpen: false, dismissedVersion: '0.2.0' })).toEqual({ show: false })
    expect(restartOffer({ update: { version: '0.3.0', pendingCommands: 0 }, dialogOpen: false, dismissedVersion: '0.2.0' })).toMatchObject({ show: true, version: '0.3.0' })
  })
})
