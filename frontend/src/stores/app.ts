import { defineStore } from 'pinia'
import { ref } from 'vue'
import { AppError, bridge, toAppError, type AppInfo } from '@/bridge'
import { useClockStore } from './clock'
import { useDossiersStore } from './dossiers'
import { usePreferencesStore } from './preferences'
import { useSessionStore } from './session'
import { useSystemsStore } from './systems'
import { useTemplateStore } from './template'

export type AppStatus = 'starting' | 'ready' | 'busy' | 'failed'

/**
 * The app as a whole: what the data folder holds and whether it could be
 * opened. "busy" means another GoLive has the folder (store.already_open).
 */
export const useAppStore = defineStore('app', () => {
  const status = ref<AppStatus>('starting')
  const info = ref<AppInfo | null>(null)
  const error = ref<AppError | null>(null)

  async function refreshInfo() {
    info.value = await bridge().app.info()
  }

  /** offDamaged ends the subscription start made to the folder turning out damaged. */
  let offDamaged: (() => void) | null = null

  /**
   * start reads the folder, the clock, preferences, template and profiles.
   * The backend checks the folder's data blocks after it opened it: when
   * that finds damage, the folder turns read-only and info is read again
   * (the damage banner shows; subscribed before info is first read, so
   * the news cannot fall between the two).
   */
  async function start() {
    status.value = 'starting'
    error.value = null
    offDamaged ??= bridge().app.onDamaged(() => {
      refreshInfo().catch(() => undefined)
    })
    try {
      await refreshInfo()
      await Promise.all([useClockStore().read(), usePreferencesStore().load(), useTemplateStore().load(), useSessionStore().load()])
      status.value = 'ready'
    } catch (e) {
      error.value = toAppError(e)
      status.value = error.value.code === 'store.already_open' ? 'busy' : 'failed'
    }
  }

  /**
   * loadSample fills the empty folder with the sample portfolio. The
   * backend unlocks the sample project manager, so the session is re-read.
   */
  async function loadSample() {
    const summary = await bridge().app.loadSampleData()
    await Promise.all([refreshInfo(), useSessionStore().load(), useSystemsStore().load(), useDossiersStore().load()])
    return summary
  }

  return { status, info, error, start, refreshInfo, loadSample }
})
