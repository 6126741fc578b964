import { defineStore } from 'pinia'
import { computed, ref, shallowReactive } from 'vue'
import { bridge, toAppError, type AppError, type DossierFilter, type DossierSummary, type PlanWindow, type WindowPlan, type YearView } from '@/bridge'
import { groupBy, holidayMap } from '@/lib/calendar'
import { useClockStore } from './clock'

export type CalendarMode = 'year' | 'month'

/** yearFilter asks the dossier list for the dossiers planned in year y (in each one's zone), not the whole list. */
const yearFilter = (y: number): DossierFilter => ({ stage: '', system_code: '', type: '', mode: '', month: String(y), text: '' })

/**
 * The release calendar: one year's plans (in force and the PMO's draft),
 * its holidays, the dossiers with their windows, and what the user looks
 * at (year or month, class filter, in force or draft). Every rule is the
 * backend's; each PMO edit answers the new draft, after which the year is
 * read again so versions and the plan in force stay in step.
 */
export const useCalendarStore = defineStore('calendar', () => {
  const clock = useClockStore()
  /** Today's date as the backend reads it. */
  const today = computed(() => clock.today)
  // The year and month shown start at today's (read at start; else on the first load).
  const year = ref(clock.year)
  const month = ref(clock.month)
  const mode = ref<CalendarMode>('year')
  /** The system class shown; "" for all. */
  const cls = ref('')
  /** Show the draft instead of the plan in force (PMO). */
  const showDraft = ref(false)
  const view = ref<YearView | null>(null)
  const dossiers = ref<DossierSummary[]>([])
  const loading = ref(false)
  /** Year views by year, for the window pickers (plans in force change only when published). */
  const cache = shallowReactive(new Map<number, YearView>())
  let seq = 0

  /** load reads year (default: the one shown, or today's) and the dossiers planned in it. */
  async function load(y: number = year.value) {
    const mine = ++seq
    loading.value = true
    try {
      if (!y) {
        await clock.read()
        y = clock.year
        month.value ||= clock.month
      }
      // Only the year's dossiers: those targeting its windows are planned in it (a window stays in its plan's year).
      const [v, list] = await Promise.all([bridge().windows.year(y), bridge().dossiers.list(yearFilter(y))])
      if (mine !== seq) return
      year.value = y
      view.value = v
      cache.set(y, v)
      dossiers.value = list
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** yearView returns a year's view, read once (the pickers' source). */
  async function yearView(y: number): Promise<YearView> {
    const have = cache.get(y)
    if (have) return have
    const v = await bridge().windows.year(y)
    cache.set(y, v)
    return v
  }

  /**
   * openWindows lists the open (open or moved) windows of a class in the
   * plans in force of the given years, by start. A year that could not be
   * read lists nothing and its error is returned in failed.
   */
  async function openWindows(c: string, years: number[]): Promise<{ windows: PlanWindow[]; unpublished: number[]; failed: AppError[] }> {
    // Which windows a planned release may target is the backend's rule (WindowAPI.Targets);
    // the year views only say which plans are not published yet.
    const [targets, ...views] = await Promise.allSettled([bridge().windows.targets(c, years), ...years.map((y) => yearView(y))])
    const unpublished: number[] = []
    const failed: AppError[] = []
    views.forEach((r, i) => {
      if (r.status === 'rejected') failed.push(toAppError(r.reason))
      else if (!r.value.in_force.version) unpublished.push(years[i])
    })
    if (targets.status === 'rejected') failed.push(toAppError(targets.reason))
    const windows: PlanWindow[] = targets.status === 'fulfilled' ? targets.value : []
    return { windows, unpublished, failed }
  }

  /** nextOpen is the first open window of a class on a day after today (the backend's default for a new planned release), or null. */
  const nextOpen = (c: string) => bridge().windows.nextOpen(c)

  const plan = computed<WindowPlan | null>(() => (view.value ? (showDraft.value ? view.value.draft : view.value.in_force) : null))
  const windows = computed(() => (plan.value?.windows ?? []).filter((w) => !cls.value || w.class === cls.value))
  const windowsByDate = computed(() => groupBy(windows.value, (w) => w.date))
  const holidays = computed(() => holidayMap(view.value?.holidays.days))
  const noHolidayData = computed(() => view.value?.holidays.source === 'none')
  /** The dossiers by the window they target. */
  const dossiersByWindow = computed(() => groupBy(dossiers.value.filter((d) => d.window), (d) => d.window ?? ''))
  /** Releases of the year that target no window (new systems, emergencies), by date. */
  const otherByDate = computed(() =>
    groupBy(dossiers.value.filter((d) => !d.window && d.planned_at.startsWith(String(year.value))), (d) => d.planned_at.slice(0, 10)),
  )
  const freezeOn = (date: string) => (plan.value?.freezes ?? []).filter((f) => f.start <= date && date <= f.end)
  const windowById = (id: string) => plan.value?.windows.find((w) => w.id === id) ?? view.value?.in_force.windows.find((w) => w.id === id)
  /** The draft differs from the plan in force in these windows. */
  const draftChanges = computed(() => {
    const v = view.value
    if (!v) return 0
    const old = new Map(v.in_force.windows.map((w) => [w.id, w]))
    let n = v.draft.windows.filter((w) => {
      const o = old.get(w.id)
      return !o || o.date !== w.date || o.start !== w.start || o.end !== w.end || o.state !== w.state
    }).length
    n += v.in_force.windows.filter((w) => !v.draft.windows.some((d) => d.id === w.id)).length
    if (JSON.stringify(v.draft.freezes) !== JSON.stringify(v.in_force.freezes)) n += 1
    return n
  })

  /** edited keeps the draft and everything derived from it in step after a PMO action. */
  async function edited<T>(p: Promise<T>): Promise<T> {
    const r = await p
    cache.clear()
    await load(year.value)
    return r
  }

  const w = () => bridge().windows
  const pmo = {
    move: (id: string, date: string, start: string, end: string, reason: string) => edited(w().move(year.value, id, date, start, end, reason)),
    cancel: (id: string, reason: string) => edited(w().cancel(year.value, id, reason)),
    add: (c: string, date: string, start: string, end: string, reason: string) => edited(w().add(year.value, c, date, start, end, reason)),
    addFreeze: (name: string, start: string, end: string, reason: string) => edited(w().addFreeze(year.value, name, start, end, reason)),
    undo: (index: number) => edited(w().undo(year.value, index)),
    discard: () => edited(w().discardDraft(year.value)),
    publish: (note: string) => edited(w().publish(year.value, note)),
    importHolidays: async () => {
      const got = await w().importHolidaysFromDialog(year.value)
      if (got) {
        cache.clear()
        await load(year.value)
      }
      return got
    },
    resetHolidays: () => edited(w().resetHolidays(year.value)),
  }
  const version = (n: number) => w().version(year.value, n)
  const compareReadings = (c: string) => w().compareReadings(c, year.value)
  const exportICS = () => w().exportICSToDialog(year.value)

  /** forget drops the cached years (after a dossier changed its window, say). */
  function forget() {
    cache.clear()
  }

  return {
    today, year, month, mode, cls, showDraft, view, dossiers, loading, plan, windows, windowsByDate, holidays, noHolidayData,
    dossiersByWindow, otherByDate, draftChanges, freezeOn, windowById, load, yearView, openWindows, nextOpen, forget, version, compareReadings, exportICS,
    ...pmo,
  }
})
