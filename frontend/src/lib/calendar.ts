// Pure date helpers for the calendar views. Dates are "YYYY-MM-DD" strings
// read as calendar days (UTC arithmetic, no zone involved); "today" comes
// from the backend (stores/clock.ts).
import type { HolidayDay, PlanWindow, WindowState } from '@/bridge'

const DAY = 86400000
const pad = (n: number) => String(n).padStart(2, '0')

/** ymd formats year, month (1-12) and day as "YYYY-MM-DD". */
export const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`

/** weekdayIndex is 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

export const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

export interface DayCell {
  date: string
  day: number
  /** Part of the displayed month (false for the padding days). */
  inMonth: boolean
  weekend: boolean
}

/** monthGrid lists the weeks (Monday first) covering month m (1-12) of year y. */
export function monthGrid(y: number, m: number): DayCell[][] {
  const first = Date.UTC(y, m - 1, 1)
  const start = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY
  const weeks: DayCell[][] = []
  for (let t = start; weeks.length < 6; ) {
    const week: DayCell[] = []
    for (let i = 0; i < 7; i++, t += DAY) {
      const d = new Date(t)
      week.push({ date: d.toISOString().slice(0, 10), day: d.getUTCDate(), inMonth: d.getUTCMonth() === m - 1, weekend: i >= 5 })
    }
    weeks.push(week)
    if (new Date(t).getUTCMonth() !== m - 1) break
  }
  return weeks
}

/** The order in which a day with several windows takes its colour: a moved window shows first. */
const DAY_COLOUR_ORDER: WindowState[] = ['moved', 'open', 'frozen', 'cancelled']

/** dayState is the state that colours a day with windows (the first of DAY_COLOUR_ORDER among them). */
export function dayState(ws: PlanWindow[]): WindowState | '' {
  return DAY_COLOUR_ORDER.find((s) => ws.some((w) => w.state === s)) ?? ''
}

/** distinctStates lists the states of windows, in legend order. */
export function distinctStates(ws: PlanWindow[]): WindowState[] {
  const order: WindowState[] = ['open', 'moved', 'frozen', 'cancelled']
  return order.filter((s) => ws.some((w) => w.state === s))
}

/** groupBy maps items by a key. */
export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const it of items) {
    const k = key(it)
    const list = out.get(k)
    if (list) list.push(it)
    else out.set(k, [it])
  }
  return out
}

/** holidayMap maps dates to their special day. */
export const holidayMap = (days: HolidayDay[] | null | undefined) => new Map((days ?? []).map((d) => [d.date, d]))
