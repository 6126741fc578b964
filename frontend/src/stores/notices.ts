import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toAppError, type AppError } from '@/bridge'

/**
 * Failures of background work — a refresh nobody clicked for, such as the
 * inbox after a profile switch — waiting to be shown. Nothing the backend
 * refuses is silenced: ErrorToasts (in the app shell) shows each one as a
 * translated toast.
 */
export const useNoticesStore = defineStore('notices', () => {
  const pending = ref<AppError[]>([])

  /** report queues a failure for a toast. */
  function report(e: unknown) {
    pending.value.push(toAppError(e))
  }

  /** take returns the queued failures and empties the queue. */
  function take(): AppError[] {
    const out = pending.value
    pending.value = []
    return out
  }

  /** background awaits p; a failure is reported, not thrown, so the caller's own work stands. */
  async function background(p: Promise<unknown>): Promise<void> {
    try {
      await p
    } catch (e) {
      report(e)
    }
  }

  return { pending, report, take, background }
})
