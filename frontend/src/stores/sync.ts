import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type SyncResult, type SyncStatus } from '@/bridge'

/**
 * The sync folder's status as the backend reports it (SyncAPI.Status, and
 * the "sync:status" event every sync emits): the settings page's sync
 * section and the top bar read it. The store decides nothing.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  const last = ref<SyncResult | null>(null)
  let off: (() => void) | undefined

  /** load reads the status and follows the backend's sync events from then on. */
  async function load() {
    if (!off) off = bridge().sync.onStatus((s) => (status.value = s))
    status.value = await bridge().sync.status()
  }

  /** choose asks for the folder (native dialog); the status follows. */
  async function choose() {
    status.value = await bridge().sync.chooseFolder()
  }

  /** syncNow publishes and reads once, then reads the status. */
  async function syncNow(): Promise<SyncResult> {
    last.value = await bridge().sync.syncNow()
    status.value = await bridge().sync.status()
    return last.value
  }

  /** leave stops syncing with the folder. */
  async function leave() {
    await bridge().sync.leave()
    last.value = null
    status.value = await bridge().sync.status()
  }

  const chosen = computed(() => !!status.value?.folder)
  const failed = computed(() => status.value?.failed ?? [])

  return { status, last, chosen, failed, load, choose, syncNow, leave }
})
