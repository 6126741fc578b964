import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type Clock } from '@/bridge'

/**
 * The time as the backend reads it. The UI never works out today's date
 * or a zone offset itself: it reads the clock at start and again where a
 * form needs today (a form opened after midnight gets the new date).
 */
export const useClockStore = defineStore('clock', () => {
  const clock = ref<Clock | null>(null)

  /** read asks the backend for the time now. */
  async function read(): Promise<Clock> {
    clock.value = await bridge().app.clock()
    return clock.value
  }

  /** Today's date, "YYYY-MM-DD" ("" until read). */
  const today = computed(() => clock.value?.today ?? '')
  /** The current year (0 until read). */
  const year = computed(() => Number(today.value.slice(0, 4)) || 0)
  /** The current month, 1-12 (0 until read). */
  const month = computed(() => Number(today.value.slice(5, 7)) || 0)
  /** The IANA zone the backend keeps times in ("" until read). */
  const zone = computed(() => clock.value?.zone ?? '')

  return { clock, today, year, month, zone, read }
})
