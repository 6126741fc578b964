// Times as the Go backend writes them: RFC 3339 in Asia/Shanghai (+08:00).
import { AppError } from '../errors'

const OFFSET_MS = 8 * 3600 * 1000

/** rfc3339 formats a Date as wall time in +08:00, e.g. "2026-12-10T19:00:00+08:00". */
export function rfc3339(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 19) + '+08:00'
}

/**
 * parseTime reads RFC 3339, or "2006-01-02T15:04" / "2006-01-02 15:04" taken
 * as Asia/Shanghai wall time, and refuses impossible dates with
 * dossier.bad_time, as the backend does.
 */
export function parseTime(s: string): Date {
  const v = s.trim()
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(v)
  if (!m) throw new AppError('dossier.bad_time', { value: v })
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x ?? 0))
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec)
  const check = new Date(utc)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) {
    throw new AppError('dossier.bad_time', { value: v })
  }
  const zone = m[7]
  let offset = OFFSET_MS
  if (zone === 'Z') offset = 0
  else if (zone) offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60000
  return new Date(utc - offset)
}

/** A clock that never goes backwards, so events stay in order. */
export function monotonic(now: () => Date = () => new Date()): () => Date {
  let last = 0
  return () => {
    let t = now().getTime()
    if (t <= last) t = last + 1000
    last = t
    return new Date(t)
  }
}
