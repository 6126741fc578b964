import { computed } from 'vue'
import { clockPart, datePart, formatTime } from '@/lib/time'
import { useAppStore } from '@/stores/app'
import { useClockStore } from '@/stores/clock'

/**
 * useTime shows times in the zone the backend reports (AppInfo.zone, or
 * the clock's): formatTime, datePart and clockPart of lib/time bound to
 * that zone. Until the backend has answered, times show as written.
 */
export function useTime() {
  const app = useAppStore()
  const clock = useClockStore()
  const zone = computed(() => app.info?.zone || clock.zone)
  return {
    zone,
    formatTime: (s: string | null | undefined) => formatTime(s, zone.value),
    datePart: (s: string | null | undefined) => datePart(s, zone.value),
    clockPart: (s: string | null | undefined) => clockPart(s, zone.value),
  }
}
