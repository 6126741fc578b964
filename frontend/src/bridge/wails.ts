// The desktop app's bridge: the areas of calls.ts over the generated Wails
// bindings in frontend/wailsjs. This module is the only one that imports
// them at run time.
import * as AppAPI from '../../wailsjs/go/app/AppAPI'
import * as BackupAPI from '../../wailsjs/go/app/BackupAPI'
import * as DocumentsAPI from '../../wailsjs/go/app/DocumentsAPI'
import * as DossierAPI from '../../wailsjs/go/app/DossierAPI'
import * as ExchangeAPI from '../../wailsjs/go/app/ExchangeAPI'
import * as MeetingAPI from '../../wailsjs/go/app/MeetingAPI'
import * as ProfileAPI from '../../wailsjs/go/app/ProfileAPI'
import * as SystemAPI from '../../wailsjs/go/app/SystemAPI'
import * as RosterAPI from '../../wailsjs/go/app/RosterAPI'
import * as SyncAPI from '../../wailsjs/go/app/SyncAPI'
import * as StatsAPI from '../../wailsjs/go/app/StatsAPI'
import * as TemplateAPI from '../../wailsjs/go/app/TemplateAPI'
import * as WindowAPI from '../../wailsjs/go/app/WindowAPI'
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime'
import { createBridge, type FileDrops, type Invoke } from './calls'

type Bound = Record<string, (...args: unknown[]) => Promise<unknown>>
const modules: Record<string, Bound> = {
  AppAPI, BackupAPI, DocumentsAPI, DossierAPI, ExchangeAPI, MeetingAPI, ProfileAPI, RosterAPI, StatsAPI, SyncAPI, SystemAPI, TemplateAPI, WindowAPI,
} as unknown as Record<string, Bound>

const invoke: Invoke = (call, args) => {
  const [api, method] = call.split('.')
  return modules[api][method](...args)
}

// Files dropped anywhere on the window (useDropTarget false): Wails keeps
// one handler, so the window registers one (the app shell's).
const drops: FileDrops = (cb) => {
  OnFileDrop((x, y, paths) => cb(paths, x, y), false)
  return () => OnFileDropOff()
}

/** wailsBridge talks to the Go backend of the running desktop app. */
export const wailsBridge = createBridge(invoke, (event, cb) => EventsOn(event, cb), drops)
