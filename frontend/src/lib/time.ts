// Times arrive as RFC 3339 strings with the dossier's offset
// ("2026-12-10T19:00:00+08:00"). They are shown as the string says, without
// converting to the browser's zone, so every user sees Asia/Shanghai time.

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/

/** isZeroTime reports Go's zero time ("0001-01-01T00:00:00Z") or an empty value. */
export function isZeroTime(s: string | null | undefined): boolean {
  return !s || s.startsWith('0001-01-01')
}

/** formatTime renders "YYYY-MM-DD HH:mm", or "" for a zero or unreadable time. */
export function formatTime(s: string | null | undefined): string {
  if (isZeroTime(s)) return ''
  const m = RFC3339.exec(s as string)
  return m ? `${m[1]} ${m[2]}` : ''
}

/** datePart returns "YYYY-MM-DD" of an RFC 3339 string, or "". */
export function datePart(s: string | null | undefined): string {
  return formatTime(s).slice(0, 10)
}

/** clockPart returns "HH:mm" of an RFC 3339 string, or "". */
export function clockPart(s: string | null | undefined): string {
  return formatTime(s).slice(11, 16)
}

/** wallTime joins a date and a clock time into the "2026-12-10T19:00" form the backend accepts. */
export function wallTime(date: string, clock: string): string {
  return date && clock ? `${date}T${clock}` : ''
}

/**
 * nextReleaseWindow returns the date ("YYYY-MM-DD") of the next routine
 * release window after today in Asia/Shanghai: the 2nd or 4th Thursday of a
 * month. It only pre-fills a form; the backend decides what is allowed.
 */
export function nextReleaseWindow(now: Date = new Date()): string {
  const today = new Date(now.getTime() + 8 * 3600 * 1000) // wall clock in +08:00, read with UTC getters
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  for (let m = 0; m < 3; m++) {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + m, 1))
    const offset = (4 - first.getUTCDay() + 7) % 7
    for (const week of [1, 3]) {
      const d = new Date(first.getTime() + (offset + week * 7) * 86400000)
      if (d.getTime() > start) return d.toISOString().slice(0, 10)
    }
  }
  return ''
}
