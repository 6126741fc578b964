// The bridge's areas mapped onto the bound Go methods (package app). The
// mapping is written once: the desktop app runs it over the Wails bindings
// (wails.ts) and the component specs over recordings of the real backend
// (src/test/stub.ts), so both speak to the same Go calls.
import type * as AppAPI from '../../wailsjs/go/app/AppAPI'
import type * as BackupAPI from '../../wailsjs/go/app/BackupAPI'
import type * as DocumentsAPI from '../../wailsjs/go/app/DocumentsAPI'
import type * as DossierAPI from '../../wailsjs/go/app/DossierAPI'
import type * as ExchangeAPI from '../../wailsjs/go/app/ExchangeAPI'
import type * as MeetingAPI from '../../wailsjs/go/app/MeetingAPI'
import type * as SyncAPI from '../../wailsjs/go/app/SyncAPI'
import type * as StatsAPI from '../../wailsjs/go/app/StatsAPI'
import type * as ProfileAPI from '../../wailsjs/go/app/ProfileAPI'
import type * as SystemAPI from '../../wailsjs/go/app/SystemAPI'
import type * as RosterAPI from '../../wailsjs/go/app/RosterAPI'
import type * as TemplateAPI from '../../wailsjs/go/app/TemplateAPI'
import type * as WindowAPI from '../../wailsjs/go/app/WindowAPI'
import type { BackupArea, BackupResult, BackupStatus, BackupSummary, RestoreResult } from './backup'
import type { Certificate, DocumentsArea, Exported, VerifyReport } from './documents'
import { toAppError } from './errors'
import type { Stats, StatsArea } from './stats'
import type { Meeting, MeetingArea, MeetingBoard } from './meeting'
import { SYNC_STATUS_EVENT, type SyncArea, type SyncResult, type SyncStatus } from './sync'
import { IMPORTED_EVENT, OPENED_EVENT, type ExchangeArea, type ExportResult, type ImportReport, type Recipient, type ReplyPlan, type SendPlan } from './exchange'
import type {
  AppInfo, AppSystem, Bridge, Candidate, CheckReport, Capabilities, DossierPage, DossierSummary, DossierView, Identity, InboxItem, Needs, Picked, Preferences, ProcessTemplate, Profile, Progress,
  ReleaseWindow, SampleSummary, TemplateInfo, TemplateProblem, TransferTarget,
} from './types'
import type { RosterArea, RosterFilePreview, RosterImport, RosterOverview } from './roster'
import type { HolidayYear, PlanWindow, ReadingDiff, WindowPlan, WindowsArea, YearView } from './windows'

/** The generated binding modules, by the name of the Go struct they bind. */
interface Modules {
  AppAPI: typeof AppAPI
  BackupAPI: typeof BackupAPI
  DocumentsAPI: typeof DocumentsAPI
  DossierAPI: typeof DossierAPI
  ExchangeAPI: typeof ExchangeAPI
  MeetingAPI: typeof MeetingAPI
  SyncAPI: typeof SyncAPI
  StatsAPI: typeof StatsAPI
  ProfileAPI: typeof ProfileAPI
  SystemAPI: typeof SystemAPI
  RosterAPI: typeof RosterAPI
  TemplateAPI: typeof TemplateAPI
  WindowAPI: typeof WindowAPI
}

/** GoCall names one bound method, "DossierAPI.Get"; a misspelt or removed method does not compile. */
export type GoCall = { [A in keyof Modules]: `${A}.${Extract<keyof Modules[A], string>}` }[keyof Modules]

/** Invoke calls a bound Go method; it rejects with what Wails rejects with (the error's JSON text). */
export type Invoke = (call: GoCall, args: unknown[]) => Promise<unknown>

/** Events subscribes to an event the Go side emits; it returns the unsubscribe. */
export type Subscribe = (event: string, cb: (...data: unknown[]) => void) => () => void

/** The Wails event the Go side emits when a second start was redirected here. */
export const SECOND_INSTANCE_EVENT = 'app:second-instance'

/** The Wails event the folder check names each area with (app.CheckEvent). */
export const CHECK_EVENT = 'check:area'

/** The Wails event the Go side emits when the background check of the folder's data blocks finds damage (app.DamagedEvent): the folder turned read-only. */
export const DAMAGED_EVENT = 'store:damaged'

/** The Wails event long file work reports progress with: {op, path, done, total}. */
export const PROGRESS_EVENT = 'progress'

/** FileDrops subscribes to files dropped on the window (Wails OnFileDrop); it returns the unsubscribe. */
export type FileDrops = (cb: (paths: string[], x: number, y: number) => void) => () => void

/** createBridge builds the Bridge over invoke and subscribe (and drops: none outside the desktop app). */
export function createBridge(invoke: Invoke, subscribe: Subscribe, drops?: FileDrops): Bridge {
  async function call<T>(name: GoCall, ...args: unknown[]): Promise<T> {
    try {
      return (await invoke(name, args)) as T
    } catch (e) {
      throw toAppError(e)
    }
  }
  // Go sends a nil slice as null; the UI always gets a list.
  const list = async <T>(name: GoCall, ...args: unknown[]): Promise<T[]> => (await call<T[] | null>(name, ...args)) ?? []
  const view = (name: GoCall, ...args: unknown[]) => call<DossierView>(name, ...args)
  const plan = (name: GoCall, ...args: unknown[]) => call<WindowPlan>(name, ...args)
  const exported = (name: GoCall, ...args: unknown[]) => call<Exported>(name, ...args)
  // Go's time.Time cannot decode "": a system not saved yet sends no updated_at.
  const asSystem = ({ updated_at, ...rest }: AppSystem) => (updated_at ? { ...rest, updated_at } : rest)

  const windows: WindowsArea = {
    year: (y) => call<YearView>('WindowAPI.Year', y),
    move: (y, id, date, start, end, reason) => plan('WindowAPI.Move', y, id, date, start, end, reason),
    cancel: (y, id, reason) => plan('WindowAPI.Cancel', y, id, reason),
    add: (y, cls, date, start, end, reason) => plan('WindowAPI.Add', y, cls, date, start, end, reason),
    addFreeze: (y, name, start, end, reason) => plan('WindowAPI.AddFreeze', y, name, start, end, reason),
    undo: (y, i) => plan('WindowAPI.Undo', y, i),
    discardDraft: (y) => plan('WindowAPI.DiscardDraft', y),
    publish: (y, note) => plan('WindowAPI.Publish', y, note),
    version: (y, n) => plan('WindowAPI.Version', y, n),
    compareReadings: (cls, y) => list<ReadingDiff>('WindowAPI.CompareReadings', cls, y),
    compareRuleReadings: (rule, y) => list<ReadingDiff>('WindowAPI.CompareRuleReadings', rule, y),
    nextOpen: async (cls) => (await call<PlanWindow | null>('WindowAPI.NextOpen', cls)) ?? null,
    targets: (cls, years) => list<PlanWindow>('WindowAPI.Targets', cls, years),
    exportICSToDialog: async (y) => (await call<string>('WindowAPI.ExportICSToDialog', y)) ?? '',
    // A cancelled dialog answers an empty Year.
    importHolidaysFromDialog: async (y) => {
      const got = await call<HolidayYear | null>('WindowAPI.ImportHolidaysFromDialog', y)
      return got?.year ? got : null
    },
    resetHolidays: (y) => call<void>('WindowAPI.ResetHolidays', y),
  }

  const documents: DocumentsArea = {
    exportPDF: (req) => exported('DocumentsAPI.ExportPDF', req),
    exportRegister: (f) => exported('DocumentsAPI.ExportRegister', f),
    exportStats: (f) => exported('DocumentsAPI.ExportStats', f),
    exportPlanWorkbook: (y, lang) => exported('DocumentsAPI.ExportPlanWorkbook', y, lang),
    exportUserTestTemplate: (id, lang) => exported('DocumentsAPI.ExportUserTestTemplate', id, lang),
    generate: (id, docId, lang) => view('DocumentsAPI.Generate', id, docId, lang),
    verifyFromDialog: () => call<VerifyReport>('DocumentsAPI.VerifyFromDialog'),
    verifyDeliverable: (sha) => call<VerifyReport>('DocumentsAPI.VerifyDeliverable', sha),
    openFile: (path) => call<void>('DocumentsAPI.OpenFile', path),
  }

  const rosterOverview = (name: GoCall, ...args: unknown[]) => call<RosterOverview>(name, ...args)
  const roster: RosterArea = {
    overview: () => rosterOverview('RosterAPI.Overview'),
    // A cancelled dialog answers an empty path.
    importSheetFromDialog: async () => {
      const got = await call<RosterImport>('RosterAPI.ImportSheetFromDialog')
      return got?.path ? got.overview : null
    },
    saveDraft: (d) => rosterOverview('RosterAPI.SaveDraft', d),
    editInForce: () => rosterOverview('RosterAPI.EditInForce'),
    discardDraft: () => rosterOverview('RosterAPI.DiscardDraft'),
    publish: (note) => rosterOverview('RosterAPI.Publish', note),
    exportFromDialog: async () => (await call<string>('RosterAPI.ExportFromDialog')) ?? '',
    previewFromDialog: async () => {
      const got = await call<RosterFilePreview>('RosterAPI.PreviewFromDialog')
      return got?.path ? got : null
    },
    accept: (path, fp) => rosterOverview('RosterAPI.Accept', path, fp),
  }

  const backup: BackupArea = {
    status: () => call<BackupStatus>('BackupAPI.Status'),
    // A cancelled dialog answers an empty path.
    backupToDialog: async () => {
      const got = await call<BackupResult>('BackupAPI.BackupToDialog')
      return got?.path ? got : null
    },
    chooseBackupFile: async () => {
      const got = await call<BackupSummary>('BackupAPI.ChooseBackupFile')
      return got?.path ? got : null
    },
    chooseRestoreFolder: async () => (await call<string>('BackupAPI.ChooseRestoreFolder')) ?? '',
    restore: () => call<RestoreResult>('BackupAPI.Restore'),
  }

  const sync: SyncArea = {
    status: () => call<SyncStatus>('SyncAPI.Status'),
    chooseFolder: () => call<SyncStatus>('SyncAPI.ChooseFolder'),
    syncNow: () => call<SyncResult>('SyncAPI.SyncNow'),
    leave: () => call<void>('SyncAPI.Leave'),
    onStatus: (cb) => subscribe(SYNC_STATUS_EVENT, (s) => cb(s as SyncStatus)),
  }
  const stats: StatsArea = {
    dashboard: (f) => call<Stats>('StatsAPI.Dashboard', f),
    saveChartPNG: (name, dataURL) => exported('StatsAPI.SaveChartPNG', name, dataURL),
  }
  const meetings: MeetingArea = {
    list: () => list<Meeting>('MeetingAPI.List'),
    create: (req) => call<Meeting>('MeetingAPI.Create', req),
    board: (id) => call<MeetingBoard>('MeetingAPI.Board', id),
    setAgenda: (id, ds) => call<Meeting>('MeetingAPI.SetAgenda', id, ds),
    setAttendance: (id, l) => call<Meeting>('MeetingAPI.SetAttendance', id, l),
    sign: (id, i, image) => call<Meeting>('MeetingAPI.Sign', id, i, image),
    decide: (id, d, body) => view('MeetingAPI.Decide', id, d, body),
    close: (id, lang) => call<Meeting>('MeetingAPI.Close', id, lang),
    exportMinutes: (id) => exported('MeetingAPI.ExportMinutes', id),
  }
  const exchange: ExchangeArea = {
    recipients: (id) => list<Recipient>('ExchangeAPI.Recipients', id),
    sendPlan: (id, to, att) => call<SendPlan>('ExchangeAPI.SendPlan', id, to, att),
    // A cancelled dialog answers an empty path.
    sendTo: async (id, to, att) => {
      const got = await call<ExportResult>('ExchangeAPI.SendTo', id, to, att)
      return got?.path ? got : null
    },
    replyPlan: (id) => call<ReplyPlan>('ExchangeAPI.ReplyPlan', id),
    reply: async (id) => {
      const got = await call<ExportResult>('ExchangeAPI.Reply', id)
      return got?.path ? got : null
    },
    importFromDialog: async () => {
      const got = await call<ImportReport>('ExchangeAPI.ImportFromDialog')
      return got?.file ? got : null
    },
    importFile: (path) => call<ImportReport>('ExchangeAPI.ImportFile', path),
    importConfirmed: (path, fp) => call<ImportReport>('ExchangeAPI.ImportConfirmed', path, fp),
    takeOpened: () => list<string>('ExchangeAPI.TakeOpened'),
    onImported: (cb) => subscribe(IMPORTED_EVENT, (r) => cb(r as ImportReport)),
    onOpened: (cb) => subscribe(OPENED_EVENT, () => cb()),
    onFileDrop: (cb) => (drops ? drops(cb) : () => undefined),
  }

  return {
    app: {
      info: () => call<AppInfo>('AppAPI.Info'),
      clock: () => call('AppAPI.Clock'),
      loadSampleData: () => call<SampleSummary>('AppAPI.LoadSampleData'),
      preferences: () => call<Preferences>('AppAPI.Preferences'),
      setPreferences: (p) => call<void>('AppAPI.SetPreferences', p),
      onSecondInstance: (cb) => subscribe(SECOND_INSTANCE_EVENT, () => cb()),
      onProgress: (cb) => subscribe(PROGRESS_EVENT, (p) => cb(p as Progress)),
      checkFolder: () => call<CheckReport>('AppAPI.CheckFolder'),
      onCheckArea: (cb) => subscribe(CHECK_EVENT, (a) => cb(String(a))),
      onDamaged: (cb) => subscribe(DAMAGED_EVENT, () => cb()),
    },
    profiles: {
      list: () => list<Profile>('ProfileAPI.List'),
      create: (req) => call<Profile>('ProfileAPI.Create', req),
      unlock: (id, pass) => call<Profile>('ProfileAPI.Unlock', id, pass),
      switch: (id) => call<Profile>('ProfileAPI.Switch', id),
      lock: () => call<void>('ProfileAPI.Lock'),
      current: async () => (await call<Profile | null>('ProfileAPI.Current')) ?? null,
      identities: () => list<Identity>('ProfileAPI.Identities'),
      capabilities: () => call<Capabilities>('ProfileAPI.Capabilities'),
      certificate: (id) => call<Certificate>('ProfileAPI.Certificate', id),
      identityCardText: (sub, title) => call<string>('ProfileAPI.IdentityCardText', sub, title),
      saveIdentityCard: (sub, title) => call<string>('ProfileAPI.SaveIdentityCard', sub, title),
    },
    systems: {
      list: () => list<AppSystem>('SystemAPI.List'),
      classes: () => list<string>('SystemAPI.Classes'),
      create: (s) => call<AppSystem>('SystemAPI.Create', asSystem(s)),
      update: (s) => call<AppSystem>('SystemAPI.Update', asSystem(s)),
      remove: (code) => call<void>('SystemAPI.Delete', code),
    },
    dossiers: {
      list: (f) => list<DossierSummary>('DossierAPI.List', f),
      // Go sends a nil slice as null: rows is always a list.
      page: async (f, offset, limit) => {
        const p = await call<DossierPage>('DossierAPI.Page', f, offset, limit)
        return { ...p, rows: p.rows ?? [] }
      },
      ready: () => call<void>('DossierAPI.Ready'),
      get: (id) => view('DossierAPI.Get', id),
      create: (req) => view('DossierAPI.Create', req),
      update: (id, patch) => view('DossierAPI.Update', id, patch),
      setChecklist: (id, item, status, note) => view('DossierAPI.SetChecklist', id, item, status, note),
      advance: (id, to, note) => view('DossierAPI.Advance', id, to, note),
      addNote: (id, text) => view('DossierAPI.AddNote', id, text),
      submit: (id, answers, comment) => view('DossierAPI.Submit', id, answers, comment),
      checkSubmit: (id, answers) => call<void>('DossierAPI.CheckSubmit', id, answers),
      decide: (id, req) => view('DossierAPI.Decide', id, req),
      checkDecide: (id, req) => call<void>('DossierAPI.CheckDecide', id, req),
      needs: (id, step, row, answers) => call<Needs>('DossierAPI.Needs', id, step, row, answers),
      withdraw: (id, comment) => view('DossierAPI.Withdraw', id, comment),
      transfer: (id, step, row, to, comment) => view('DossierAPI.Transfer', id, step, row, to, comment),
      comment: (id, step, row, text) => view('DossierAPI.Comment', id, step, row, text),
      urge: (id, step, row, comment) => view('DossierAPI.Urge', id, step, row, comment),
      file: (id, comment) => view('DossierAPI.File', id, comment),
      saveRunbook: (id, runbook, tests) => view('DossierAPI.SaveRunbook', id, runbook, tests),
      override: (id, reason) => view('DossierAPI.Override', id, reason),
      release: (id, comment) => view('DossierAPI.Release', id, comment),
      supervise: (id, comment) => view('DossierAPI.Supervise', id, comment),
      sameDayTest: (id, req) => view('DossierAPI.SameDayTest', id, req),
      saveOnCall: (id, rows) => view('DossierAPI.SaveOnCall', id, rows),
      confirm: (id, success, answers, rollback, comment) => view('DossierAPI.Confirm', id, success, answers, rollback, comment),
      checkConfirm: (id, success, answers, rollback) => call<void>('DossierAPI.CheckConfirm', id, success, answers, rollback),
      postpone: (id, unchanged, reason, p, at, win) => view('DossierAPI.Postpone', id, unchanged, reason, p, at, win),
      proposePostponement: (id) => call<ReleaseWindow>('DossierAPI.ProposePostponement', id),
      archive: (id, na) => view('DossierAPI.Archive', id, na),
      recordOutOfScope: (req) => view('DossierAPI.RecordOutOfScope', req),
      recordPostReview: (id, req) => view('DossierAPI.RecordPostReview', id, req),
      inbox: () => list<InboxItem>('DossierAPI.Inbox'),
      attachUpload: (id, d, name, b64, note) => view('DossierAPI.AttachUpload', id, d, name, b64, note),
      attachChecklistUpload: (id, item, name, b64) => view('DossierAPI.AttachChecklistUpload', id, item, name, b64),
      removeChecklistFile: (id, item) => view('DossierAPI.RemoveChecklistFile', id, item),
      linkChecklistDeliverable: (id, item, d) => view('DossierAPI.LinkChecklistDeliverable', id, item, d),
      openTrialIssue: (id, req) => view('DossierAPI.OpenTrialIssue', id, req),
      closeTrialIssue: (id, issue, resolution) => view('DossierAPI.CloseTrialIssue', id, issue, resolution),
      attachFromDialog: (id, d, note) => call<Picked>('DossierAPI.AttachFromDialog', id, d, note),
      recordPackageFromDialog: (id, d) => call<Picked>('DossierAPI.RecordPackageFromDialog', id, d),
      checkPackageFromDialog: (id) => call<Picked>('DossierAPI.CheckPackageFromDialog', id),
      checkPackageDropped: (id, path) => call<Picked>('DossierAPI.CheckPackageDropped', id, path),
      recordPackageDropped: (id, d, path) => call<Picked>('DossierAPI.RecordPackageDropped', id, d, path),
      saveDeliverable: (sha, name) => call<string>('DossierAPI.SaveDeliverable', sha, name),
      openDeliverable: (sha, name) => call<void>('DossierAPI.OpenDeliverable', sha, name),
      candidates: (id, step, row) => list<Candidate>('DossierAPI.Candidates', id, step, row),
      signatureImage: (id, sha) => call<string>('DossierAPI.SignatureImage', id, sha),
      transferTargets: (id) => list<TransferTarget>('DossierAPI.TransferTargets', id),
    },
    windows,
    documents,
    roster,
    backup,
    exchange,
    sync,
    stats,
    meetings,
    template: {
      current: () => call<ProcessTemplate>('TemplateAPI.Current'),
      list: () => list<TemplateInfo>('TemplateAPI.List'),
      get: (key) => call<ProcessTemplate>('TemplateAPI.Get', key),
      validate: (t) => list<TemplateProblem>('TemplateAPI.Validate', t),
      save: (t, makeCurrent) => call<TemplateInfo>('TemplateAPI.Save', t, makeCurrent),
      setCurrent: (key) => call<void>('TemplateAPI.SetCurrent', key),
      exportToDialog: (key) => call<string>('TemplateAPI.ExportToDialog', key),
      // A cancelled dialog answers an empty Info.
      importFromDialog: async () => {
        const info = await call<TemplateInfo>('TemplateAPI.ImportFromDialog')
        return info?.key ? info : null
      },
    },
  }
}
