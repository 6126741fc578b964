// `npm run dev` opened with ?fixtures: the real components over the
// recorded backend answers, read-only, to look at screens without the
// desktop app. ?as=<role> picks who is signed in (default the project
// manager); ?start shows the first start of an empty folder.
import type { Bridge } from '@/bridge'
import { fixtureNames, StubBackend } from './stub'

/** previewBridge serves every fixture file. */
export function previewBridge(q: URLSearchParams): Bridge {
  if (q.has('start')) return new StubBackend('start').bridge
  const rest = fixtureNames().filter((n) => n !== 'start' && n !== 'busy' && n !== 'errors')
  return new StubBackend('base', ...rest).as(q.get('as') || 'project_manager').bridge
}
