// Times arrive as RFC 3339 strings with an offset
// ("2026-12-10T19:00:00+08:00"). They are shown in the zone the backend
// reports (AppInfo.zone, Clock.zone) through Intl.DateTimeFormat; no code
// here knows an offset or works out a date. "Today" comes from the backend
// too (stores/clock.ts).

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/

/** isZeroTime reports Go's zero time ("0001-01-01T00:00:00Z") or an empty value. */
export function isZeroTime(s: string | null | undefined): boolean {
  return !s || s.startsWith('0001-01-01')
}

const formats = new Map<string, Intl.DateTimeFormat | null>()

/** formatIn returns the cached "YYYY-MM-DD HH:mm" formatter of an IANA zone, or null for a name Intl does not know. */
function formatIn(zone: string): Intl.DateTimeFormat | null {
  if (!formats.has(zone)) {
    try {
      formats.set(zone, new Intl.DateTimeFormat('en-CA', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      }))
    } catch {
      formats.set(zone, null)
    }
  }
  return formats.get(zone) ?? null
}

/**
 * formatTime renders an RFC 3339 time as "YYYY-MM-DD HH:mm" in zone (an
 * IANA name the backend reported), or as the string is written when no
 * zone is known; "" for a zero or unreadable time. Components use the
 * zone-bound copy from useTime().
 */
export function formatTime(s: string | null | undefined, zone = ''): string {
  if (isZeroTime(s)) return ''
  const text = s as string
  const key = `${zone}|${text}`
  let out = formatted.get(key)
  if (out === undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear()
    out = formatUncached(text, zone)
    formatted.set(key, out)
  }
  return out
}

/**
 * formatted remembers formatTime's answers (a page of the dossier list
 * shows each time twice, and Intl's formatToParts is slow); bounded, it
 * starts over when full.
 */
const formatted = new Map<string, string>()
const FORMATTED_MAX = 4000

function formatUncached(text: string, zone: string): string {
  const f = zone ? formatIn(zone) : null
  const at = Date.parse(text)
  if (f && !Number.isNaN(at)) {
    const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]))
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
  }
  const m = RFC3339.exec(text)
  return m ? `${m[1]} ${m[2]}` : ''
}

/** datePart returns "YYYY-MM-DD" of an RFC 3339 time in zone (see formatTime), or "". */
export function datePart(s: string | null | undefined, zone = ''): string {
  return formatTime(s, zone).slice(0, 10)
}

/** clockPart returns "HH:mm" of an RFC 3339 time in zone (see formatTime), or "". */
export function clockPart(s: string | null | undefined, zone = ''): string {
  return formatTime(s, zone).slice(11, 16)
}

/** wallTime joins a date and a clock time into the "2026-12-10T19:00" form the backend accepts. */
export function wallTime(date: string, clock: string): string {
  return date && clock ? `${date}T${clock}` : ''
}
