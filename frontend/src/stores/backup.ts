import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type BackupResult, type BackupStatus, type RestoreResult } from '@/bridge'

/**
 * The data folder's backup status, as the backend decides it: the last
 * backup and whether one is due (BackupAPI.Status). The sidebar shows the
 * reminder from it; the settings page makes backups and restores.
 */
export const useBackupStore = defineStore('backup', () => {
  const status = ref<BackupStatus | null>(null)

  /** load reads the status; a failure leaves the last one (the reminder is not worth an error). */
  async function load() {
    try {
      status.value = await bridge().backup.status()
    } catch {
      // The settings page shows its own errors; the sidebar stays quiet.
    }
  }

  /** backupNow asks where to save and writes a backup; null when cancelled. The status follows. */
  async function backupNow(): Promise<BackupResult | null> {
    const got = await bridge().backup.backupToDialog()
    if (got) await load()
    return got
  }

  /** restore restores the chosen backup into the chosen folder. */
  async function restore(): Promise<RestoreResult> {
    return bridge().backup.restore()
  }

  const due = computed(() => status.value?.due ?? false)

  return { status, due, load, backupNow, restore }
})
