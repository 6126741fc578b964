// The Wails implementation of the Bridge: the only module that imports the
// generated bindings in frontend/wailsjs.
import * as AppAPI from '../../wailsjs/go/app/AppAPI'
import * as ProfileAPI from '../../wailsjs/go/app/ProfileAPI'
import * as SystemAPI from '../../wailsjs/go/app/SystemAPI'
import * as DossierAPI from '../../wailsjs/go/app/DossierAPI'
import * as TemplateAPI from '../../wailsjs/go/app/TemplateAPI'
import { EventsOff, EventsOn } from '../../wailsjs/runtime/runtime'
import type { core, dossier, profile, system, template, workflow } from '../../wailsjs/go/models'
import { toAppError } from './errors'
import { wailsWindows } from './windowsWails'
import { wailsCertificate, wailsDocuments } from './documentsWails'
import type {
  AppInfo, AppSystem, Bridge, DossierSummary, DossierView, Identity, InboxItem, Preferences, ProcessTemplate, Profile, Progress,
  ReleaseWindow, SampleSummary, TemplateInfo, TemplateProblem,
} from './types'

/** The Wails event the Go side emits when a second start was redirected here. */
export const SECOND_INSTANCE_EVENT = 'app:second-instance'

/** The Wails event long file work reports progress with: {op, path, done, total}. */
export const PROGRESS_EVENT = 'progress'

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
const asAnswers = (a: object) => a as Record<string, workflow.Answer>
const asTemplate = (t: ProcessTemplate) => t as unknown as template.Template
const view = (p: () => Promise<unknown>) => call<DossierView>(p)

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
    onProgress(cb) {
      // EventsOn returns a canceller for this listener alone; other listeners stay.
      return EventsOn(PROGRESS_EVENT, (p: Progress) => cb(p))
    },
  },
  profiles: {
    list: async () => (await call<Profile[] | null>(() => ProfileAPI.List())) ?? [],
    create: (req) => call<Profile>(() => ProfileAPI.Create(req as profile.CreateRequest)),
    unlock: (id, pass) => call<Profile>(() => ProfileAPI.Unlock(id, pass)),
    lock: () => call<void>(() => ProfileAPI.Lock()),
    current: async () => (await call<Profile | null>(() => ProfileAPI.Current())) ?? null,
    identities: async () => (await call<Identity[] | null>(() => ProfileAPI.Identities())) ?? [],
    certificate: wailsCertificate,
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
    submit: (id, answers, comment) => view(() => DossierAPI.Submit(id, asAnswers(answers), comment)),
    decide: (id, req) => view(() => DossierAPI.Decide(id, req as unknown as dossier.DecideRequest)),
    withdraw: (id, comment) => view(() => DossierAPI.Withdraw(id, comment)),
    transfer: (id, step, row, to, comment) => view(() => DossierAPI.Transfer(id, step, row, to, comment)),
    comment: (id, step, row, text) => view(() => DossierAPI.Comment(id, step, row, text)),
    urge: (id, step, row, comment) => view(() => DossierAPI.Urge(id, step, row, comment)),
    file: (id, comment) => view(() => DossierAPI.File(id, comment)),
    saveRunbook: (id, runbook, tests) =>
      view(() => DossierAPI.SaveRunbook(id, runbook as workflow.RunbookRow[], tests as workflow.TestRow[])),
    override: (id, reason) => view(() => DossierAPI.Override(id, reason)),
    release: (id, comment) => view(() => DossierAPI.Release(id, comment)),
    supervise: (id, comment) => view(() => DossierAPI.Supervise(id, comment)),
    sameDayTest: (id, by, at, note) => view(() => DossierAPI.SameDayTest(id, by, at, note)),
    confirm: (id, success, answers, rollback, comment) => view(() => DossierAPI.Confirm(id, success, asAnswers(answers), rollback, comment)),
    postpone: (id, unchanged, reason, plan, at, win) => view(() => DossierAPI.Postpone(id, unchanged, reason, plan, at, win)),
    proposePostponement: (id) => call<ReleaseWindow>(() => DossierAPI.ProposePostponement(id)),
    archive: (id, na) => view(() => DossierAPI.Archive(id, na)),
    inbox: async () => (await call<InboxItem[] | null>(() => DossierAPI.Inbox())) ?? [],
    attachUpload: (id, d, name, b64, note) => view(() => DossierAPI.AttachUpload(id, d, name, b64, note)),
    attachFromDialog: (id, d, note) => view(() => DossierAPI.AttachFromDialog(id, d, note)),
    recordPackageFromDialog: (id, d) => view(() => DossierAPI.RecordPackageFromDialog(id, d)),
    checkPackageFromDialog: (id) => view(() => DossierAPI.CheckPackageFromDialog(id)),
    saveDeliverable: (sha, name) => call<string>(() => DossierAPI.SaveDeliverable(sha, name)),
    openDeliverable: (sha, name) => call<void>(() => DossierAPI.OpenDeliverable(sha, name)),
  },
  windows: wailsWindows,
  documents: wailsDocuments,
  template: {
    current: () => call<ProcessTemplate>(() => TemplateAPI.Current()),
    list: async () => (await call<TemplateInfo[] | null>(() => TemplateAPI.List())) ?? [],
    get: (key) => call<ProcessTemplate>(() => TemplateAPI.Get(key)),
    validate: async (t) => (await call<TemplateProblem[] | null>(() => TemplateAPI.Validate(asTemplate(t)))) ?? [],
    save: (t, makeCurrent) => call<TemplateInfo>(() => TemplateAPI.Save(asTemplate(t), makeCurrent)),
    setCurrent: (key) => call<void>(() => TemplateAPI.SetCurrent(key)),
    exportToDialog: (key) => call<string>(() => TemplateAPI.ExportToDialog(key)),
    // A cancelled dialog answers an empty Info.
    importFromDialog: async () => {
      const info = await call<TemplateInfo>(() => TemplateAPI.ImportFromDialog())
      return info?.key ? info : null
    },
  },
}
