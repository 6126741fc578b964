// The Wails implementation of the Bridge: the only module that imports the
// generated bindings in frontend/wailsjs.
import * as AppAPI from '../../wailsjs/go/app/AppAPI'
import * as ProfileAPI from '../../wailsjs/go/app/ProfileAPI'
import * as SystemAPI from '../../wailsjs/go/app/SystemAPI'
import * as DossierAPI from '../../wailsjs/go/app/DossierAPI'
import * as TemplateAPI from '../../wailsjs/go/app/TemplateAPI'
import { EventsOff, EventsOn } from '../../wailsjs/runtime/runtime'
import type { core, dossier, profile, system } from '../../wailsjs/go/models'
import { toAppError } from './errors'
import type {
  AppInfo, AppSystem, Bridge, DossierSummary, DossierView, Preferences, ProcessTemplate, Profile, SampleSummary,
} from './types'

/** The Wails event the Go side emits when a second start was redirected here. */
export const SECOND_INSTANCE_EVENT = 'app:second-instance'

/** call awaits a binding and turns its rejection into an AppError. */
async function call<T>(p: () => Promise<unknown>): Promise<T> {
  try {
    return (await p()) as T
  } catch (e) {
    throw toAppError(e)
  }
}

// The generated model classes carry helper methods; the bindings accept any
// object of the right shape, so plain data is passed through these casts.
// Go's time.Time cannot decode "": a system not saved yet sends no updated_at.
const asSystem = ({ updated_at, ...rest }: AppSystem) => (updated_at ? { ...rest, updated_at } : rest) as unknown as system.System
const asFields = (f: object) => f as unknown as dossier.Fields

export const wailsBridge: Bridge = {
  app: {
    info: () => call<AppInfo>(() => AppAPI.Info()),
    loadSampleData: () => call<SampleSummary>(() => AppAPI.LoadSampleData()),
    preferences: () => call<Preferences>(() => AppAPI.Preferences()),
    setPreferences: (p) => call<void>(() => AppAPI.SetPreferences(p as core.Preferences)),
    onSecondInstance(cb) {
      EventsOn(SECOND_INSTANCE_EVENT, () => cb())
      return () => EventsOff(SECOND_INSTANCE_EVENT)
    },
  },
  profiles: {
    list: async () => (await call<Profile[] | null>(() => ProfileAPI.List())) ?? [],
    create: (req) => call<Profile>(() => ProfileAPI.Create(req as profile.CreateRequest)),
    unlock: (id, pass) => call<Profile>(() => ProfileAPI.Unlock(id, pass)),
    lock: () => call<void>(() => ProfileAPI.Lock()),
    current: async () => (await call<Profile | null>(() => ProfileAPI.Current())) ?? null,
  },
  systems: {
    list: async () => (await call<AppSystem[] | null>(() => SystemAPI.List())) ?? [],
    classes: async () => (await call<string[] | null>(() => SystemAPI.Classes())) ?? [],
    create: (s) => call<AppSystem>(() => SystemAPI.Create(asSystem(s))),
    update: (s) => call<AppSystem>(() => SystemAPI.Update(asSystem(s))),
    remove: (code) => call<void>(() => SystemAPI.Delete(code)),
  },
  dossiers: {
    list: async (f) => (await call<DossierSummary[] | null>(() => DossierAPI.List(f as dossier.Filter))) ?? [],
    get: (id) => call<DossierView>(() => DossierAPI.Get(id)),
    create: (req) => call<DossierView>(() => DossierAPI.Create(req as unknown as dossier.CreateRequest)),
    update: (id, patch) => call<DossierView>(() => DossierAPI.Update(id, asFields(patch))),
    setChecklist: (id, item, status, note) => call<DossierView>(() => DossierAPI.SetChecklist(id, item, status, note)),
    advance: (id, to, note) => call<DossierView>(() => DossierAPI.Advance(id, to, note)),
    addNote: (id, text) => call<DossierView>(() => DossierAPI.AddNote(id, text)),
  },
  template: {
    current: () => call<ProcessTemplate>(() => TemplateAPI.Current()),
  },
}
