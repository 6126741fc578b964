// Issue 14 ("fast at twenty thousand dossiers") end to end: the dev build
// opens a large portfolio and the page's own User Timing measures
// (frontend/src/lib/perf.ts) time four interactions from the click or
// keystroke to the frame that shows the result:
//   list-filter   a stage's button clicked in the list's filter, until the table shows the page
//   list-search   a keystroke in the search box, until the table shows the result
//   dossier-open  a row clicked in the list, until the dossier page shows its header
//                 (the open tab follows a frame later: printed as dossier-content)
//   approve       the decision panel's approve button, until the view shows the
//                 dossier with the approval
// It prints n, p50, p95 and max of each against the 50 ms budget (and each
// run in the order taken: the first ones after the start run colder), with the
// time from the app's start to the first list rows and how long approving
// takes to its success message (list and inbox brought up to date), the
// app's resident memory once it rests (after the first list, after the
// interactions) and at its peak, and writes the table to
// build/bench/perf-e2e.txt. It fails only when a p95 passes a generous
// ceiling (2 s) or an interaction was never measured.
//
// The portfolio is the folder named by GOLIVE_PERF_FOLDER (built by
// `golive demo --scale large`; make bench passes build/bench/large). It is
// copied first, since the test approves. Without the variable the test is
// skipped at once, so `make test` is unaffected.
//
//   GOLIVE_PERF_FOLDER=build/bench/large node --test e2e/tests/perf.test.mjs
//
// GOLIVE_PERF_N (default 20) sets the runs of filter, search and open;
// GOLIVE_PERF_APPROVALS (default 20) the approvals. Before each
// interaction the test waits a little for the app's process to be idle
// (at most 5 s; 3 minutes after the first list and after a profile
// switch, which read the inbox), so that one interaction is not timed while
// the work of the last still runs; the table says how many started with
// the app still busy. The app runs as shipped (its soft memory limit
// included); the environment is passed on, so GOMEMLIMIT=off, say,
// compares without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startApp, launchBrowser, openApp, screenshot, switchTo, REPO_DIR, SAMPLE_PASSPHRASE } from '../lib/app.mjs';

const FOLDER = process.env.GOLIVE_PERF_FOLDER;
const N = Number(process.env.GOLIVE_PERF_N || 20);
const N_APPROVE = Number(process.env.GOLIVE_PERF_APPROVALS || 20);
const NAMES = ['list-filter', 'list-search', 'dossier-open', 'approve'];
const BUDGET_MS = 50;
const CEILING_MS = 2000;
/** The longest wait for one interaction's measure, or for an approval's success message. */
const WAIT_MS = 300_000;
/** The longest wait for the app to be idle before an interaction, and after the first list or a profile switch. */
const IDLE_MS = 5_000;
const SETTLE_MS = 180_000;
const OUT = path.join(REPO_DIR, 'build/bench/perf-e2e.txt');
const NO_FILTER = { stage: '', system_code: '', type: '', mode: '', month: '', text: '' };

const skip = FOLDER ? false : 'GOLIVE_PERF_FOLDER is not set (a folder built by `golive demo --scale large`, e.g. build/bench/large): perf test skipped';

/** quantile q of sorted values, nearest rank. */
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');

function table(samples, extra) {
  const lines = [
    'GoLive perf, end to end (dev build in Chromium; User Timing measures from the click or keystroke to the frame after the update)',
    `budget: p95 <= ${BUDGET_MS} ms (printed only); the test fails when a p95 is over ${CEILING_MS} ms`,
    '',
    `${'interaction'.padEnd(14)}${'n'.padStart(4)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'max ms'.padStart(10)}  budget`,
  ];
  for (const name of NAMES) {
    const s = [...samples[name]].sort((a, b) => a - b);
    const p95 = quantile(s, 0.95);
    const verdict = !s.length ? 'not measured' : p95 <= BUDGET_MS ? 'met' : 'not met';
    lines.push(`${name.padEnd(14)}${String(s.length).padStart(4)}${ms(quantile(s, 0.5)).padStart(10)}${ms(p95).padStart(10)}${ms(s.at(-1)).padStart(10)}  ${verdict}`);
  }
  lines.push('', ...extra);
  return lines.join('\n');
}

/** cpuTicks is the CPU time pid has used so far, in clock ticks (user + system). */
function cpuTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

/**
 * memory reads the app's resident memory now, its anonymous part (not
 * pages of files: the libraries, the folder's tables) and its peak
 * (VmRSS, RssAnon, VmHWM), in MB. The dev build's process also holds the
 * window's toolkit (GTK, WebKit's UI process).
 */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024, peak: kb('VmHWM') / 1024 };
}

/** REST_MS is how long the app is left alone before its memory at rest is read: it gives memory back after a minute of rest (core.idleRest). */
const REST_MS = 70_000;

test('perf: filter, search, open and approve on a large portfolio', { skip, timeout: 90 * 60_000 }, async () => {
  const samples = Object.fromEntries(NAMES.map((n) => [n, []]));
  const extra = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-e2e-perf-'));
  const dataDir = path.join(tmp, 'data');
  let app, browser, page, failure;

  /**
   * idle waits until the app's process used at most 5% of a core in two
   * 250 ms windows running, for at most max ms. It returns whether it
   * became idle, the ms waited and the share of a core it used while the
   * test waited.
   */
  async function idle(max) {
    const t = Date.now();
    const first = cpuTicks(app.proc.pid);
    let quiet = 0;
    let last = first;
    while (quiet < 2 && Date.now() - t < max) {
      await new Promise((r) => setTimeout(r, 250));
      const now = cpuTicks(app.proc.pid);
      quiet = now - last <= 1 ? quiet + 1 : 0;
      last = now;
    }
    const waited = Date.now() - t;
    // Clock ticks are hundredths of a second.
    return { idle: quiet >= 2, ms: waited, cpu: Math.round(((last - first) * 10 * 100) / Math.max(waited, 1)) };
  }
  /** busyAt counts, per interaction, the runs that started with the app still busy, of tried. */
  const busyAt = Object.fromEntries(NAMES.map((n) => [n, 0]));
  const tried = Object.fromEntries(NAMES.map((n) => [n, 0]));

  /**
   * measured performs act and returns the duration of the next measure
   * name the page records, or null when the selector stop shows first (a
   * refusal).
   */
  async function measured(name, act, stop = null) {
    tried[name]++;
    if (!(await idle(IDLE_MS)).idle) busyAt[name]++;
    const before = await page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
    await act();
    const h = await page.waitForFunction(
      ([n, b, sel]) => {
        const e = performance.getEntriesByName(n, 'measure');
        if (e.length > b) return { d: e[e.length - 1].duration };
        if (sel && document.querySelector(sel)) return { d: null };
        return false;
      },
      [name, before, stop],
      { timeout: WAIT_MS, polling: 20 },
    );
    const { d } = await h.jsonValue();
    if (d !== null) samples[name].push(d);
    return d;
  }

  try {
    // A copy: the test approves, and the original must stay as built.
    let t = Date.now();
    await promisify(execFile)('cp', ['-r', path.resolve(REPO_DIR, FOLDER), dataDir]);
    extra.push(`folder: ${FOLDER} (copied in ${Date.now() - t} ms)`);

    // ---------------------------------------------------------------- start
    const t0 = Date.now();
    app = await startApp({ name: 'perf', dataDir, timeoutMs: WAIT_MS });
    const served = Date.now() - t0;
    browser = await launchBrowser();
    page = await openApp(browser, app, { locale: 'zh-CN' });
    await page.getByTestId('unlock-passphrase').fill(SAMPLE_PASSPHRASE);
    const gate = Date.now() - t0;
    const t1 = Date.now();
    await page.getByTestId('unlock-submit').click();
    const rows = page.locator('[data-testid="dossier-row"]');
    await rows.first().waitFor({ timeout: WAIT_MS });
    const first = Date.now();
    extra.push(
      `first list: app start -> page served ${served} ms, -> gate filled in Chromium ${gate} ms; ` +
        `unlock clicked -> first list rows ${first - t1} ms; app start -> first list rows ${first - t0} ms`,
    );
    await screenshot(page, 'perf-list');
    const settled = await idle(SETTLE_MS);
    extra.push(settled.idle
      ? `after the first list rows the app was busy ${settled.ms - 500} ms more (the inbox)`
      : `after the first list rows the app was still busy after ${settled.ms} ms (${settled.cpu}% of a core meanwhile); the interactions start anyway`);
    await new Promise((r) => setTimeout(r, REST_MS));
    const rested = memory(app.proc.pid);
    const me = await page.evaluate(() => window.go.app.ProfileAPI.Current());
    const total = await page.evaluate((f) => window.go.app.DossierAPI.Page(f, 0, 1).then((p) => p.total), NO_FILTER);
    extra.push(`dossiers: ${total}; unlocked at the gate: ${me.name} (${(me.roles ?? []).join(', ') || 'no role'})`);

    // ---------------------------------------------------------------- list-filter
    // The stage filter's buttons, the next stage each time (all stages,
    // the first button, is the filter the list starts with).
    const stages = page.locator('[data-testid^="filter-stage-"]');
    for (let i = 0; i < N; i++) {
      await measured('list-filter', async () => {
        await stages.nth((i + 1) % (await stages.count())).click();
      });
    }
    await page.getByTestId('filter-stage-all').click();

    // ---------------------------------------------------------------- list-search
    // A system's code typed letter by letter, then erased, and again.
    const code = (await page.evaluate((f) => window.go.app.DossierAPI.Page(f, 0, 1), NO_FILTER)).rows[0].system_code.toLowerCase();
    const keys = [];
    while (keys.length < N) keys.push(...code.split(''), ...code.split('').map(() => 'Backspace'));
    await page.getByTestId('filter-text').click();
    for (const key of keys.slice(0, N)) {
      await measured('list-search', () => (key === 'Backspace' ? page.keyboard.press('Backspace') : page.keyboard.type(key)));
    }
    if (await page.getByTestId('filter-reset').count()) await page.getByTestId('filter-reset').click();
    extra.push(`list-search: "${code}" typed and erased one key at a time`);

    // ---------------------------------------------------------------- dossier-open
    // A row of the first page (another one each time), then back to the
    // list. The page shows the header first and the open tab in a later
    // frame: its measure (dossier-content, from the same click) is printed
    // below the table.
    const content = [];
    for (let i = 0; i < N; i++) {
      await rows.first().waitFor();
      const row = rows.nth(i % (await rows.count()));
      const id = await row.getAttribute('data-id');
      const before = await page.evaluate(() => performance.getEntriesByName('dossier-content', 'measure').length);
      // A cell away from the id link and the title's tooltip: the row's own click.
      await measured('dossier-open', () => row.locator('td').nth(3).click());
      assert.equal((await page.getByTestId('dossier-id').textContent()).trim(), id);
      const h = await page.waitForFunction((b) => {
        const e = performance.getEntriesByName('dossier-content', 'measure');
        return e.length > b ? e[e.length - 1].duration : false;
      }, before, { timeout: WAIT_MS, polling: 20 });
      content.push(await h.jsonValue());
      await page.getByTestId('dossier-back').click();
    }
    content.sort((a, b) => a - b);
    extra.push(`dossier-content (the open tab drawn, from the same click): n ${content.length}, p50 ${ms(quantile(content, 0.5))} ms, p95 ${ms(quantile(content, 0.95))} ms, max ${ms(content.at(-1))} ms`);

    // ---------------------------------------------------------------- approve
    // Decisions waiting: the list filtered to the approval stage, each
    // dossier's open decide tasks, and the sample profiles holding their
    // roles (or the delegate's); the profiles with the most first, until
    // N_APPROVE. (A profile's inbox at this size is slow to compute: see
    // the approve lines below.)
    await idle(IDLE_MS);
    const found = await page.evaluate(async (f) => {
      const api = window.go.app;
      const people = await api.ProfileAPI.List();
      const page = await api.DossierAPI.Page({ ...f, stage: 'approval' }, 0, 500);
      const per = {};
      for (const row of page.rows) {
        const v = await api.DossierAPI.Get(row.id);
        for (const task of v.state.tasks ?? []) {
          if (task.kind !== 'decide') continue;
          for (const p of people) {
            if (!(p.roles ?? []).includes(task.role) && p.public_key !== task.delegate) continue;
            (per[p.id] ??= { id: p.id, name: p.name, dossiers: [] }).dossiers.push(row.id);
          }
        }
      }
      return { inStage: page.total, per: Object.values(per) };
    }, NO_FILTER);
    const per = found.per.map((p) => ({ ...p, dossiers: [...new Set(p.dossiers)] })).sort((a, b) => b.dossiers.length - a.dossiers.length);
    const plan = [];
    for (const p of per) for (const d of p.dossiers) if (plan.length < N_APPROVE) plan.push({ profile: p.id, name: p.name, dossier: d });
    const by = {};
    for (const x of plan) by[x.name] = (by[x.name] ?? 0) + 1;
    extra.push(`approve: ${found.inStage} dossiers at the approval stage, ${per.reduce((n, p) => n + p.dossiers.length, 0)} decisions open to the sample's profiles; ${plan.length} taken (${Object.entries(by).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`);

    let current = me.id;
    let refused = 0;
    let gone = 0;
    let late = 0;
    const done = [];
    for (const x of plan) {
      if (x.profile !== current) {
        // Switching is not timed. It goes through the header's person menu as a
        // user's does: the page stays as it is (no reload, whose cold page
        // would make the next approval the first one drawn after a start).
        await switchTo(page, { id: x.profile, name: x.name });
        current = x.profile;
        await idle(SETTLE_MS);
      }
      await page.goto(`${app.url}/#/dossiers/${x.dossier}?tab=approval`);
      await page.getByTestId('dossier-title').waitFor({ timeout: WAIT_MS });
      const panel = page.getByTestId('decision-panel');
      if (!(await panel.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
        gone++; // not (or no longer) this profile's to decide
        continue;
      }
      const all = panel.getByTestId('answers-all-yes');
      if (await all.count()) await all.click();
      else for (const b of await panel.locator('[data-testid^="answer-"][data-testid$="-yes"]').all()) await b.click();
      const toast = page.locator('.n-message--success-type');
      await toast.first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
      let clicked = 0;
      const d = await measured('approve', async () => {
        clicked = Date.now();
        await panel.getByTestId('decide-approve').click();
      }, '[data-testid="decision-panel"] [data-testid="missing-list"], [data-testid="decision-panel"] [data-testid="error-alert"]');
      if (d === null) {
        refused++;
        await screenshot(page, `perf-approve-refused-${refused}`);
        continue;
      }
      // The action ends with its success message, once the list and the inbox are read again.
      if (await toast.first().waitFor({ timeout: WAIT_MS }).then(() => true, () => false)) done.push(Date.now() - clicked);
      else late++;
    }
    if (refused || gone) extra.push(`approve: ${refused} refused (not timed), ${gone} without a decision panel for the profile`);
    if (done.length || late) {
      const s = done.sort((a, b) => a - b);
      extra.push(`approve until its success message (list and inbox read again), seen from the test: n ${s.length}, p50 ${ms(quantile(s, 0.5))} ms, max ${ms(s.at(-1))} ms` +
        (late ? `; ${late} without it within ${WAIT_MS / 1000} s` : ''));
    }
    await idle(IDLE_MS);
    await new Promise((r) => setTimeout(r, REST_MS));
    const end = memory(app.proc.pid);
    const mb = (m) => `${m.rss.toFixed(0)} MB (${m.anon.toFixed(0)} MB anonymous)`;
    extra.push(`the app's resident memory ${REST_MS / 1000} s after it rested: ${mb(rested)} after the first list, ` +
      `${mb(end)} after the interactions; at its peak ${end.peak.toFixed(0)} MB`);
  } catch (e) {
    failure = e;
    if (page) await screenshot(page, 'perf-failed').catch(() => {});
  } finally {
    // The table, also for a run that stopped early.
    extra.push('', 'each run in the order taken, ms:', ...NAMES.map((n) => `  ${n.padEnd(13)}${samples[n].map((v) => v.toFixed(0)).join(' ')}`));
    const busy = NAMES.filter((n) => busyAt[n]).map((n) => `${n} ${busyAt[n]}/${tried[n]}`);
    if (busy.length) extra.push(`started with the app still busy after ${IDLE_MS / 1000} s of waiting: ${busy.join(', ')}`);
    if (failure) extra.push(`stopped early: ${String(failure.message ?? failure).split('\n')[0]}`);
    const out = table(samples, extra);
    console.log(`\n${out}\n`);
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${new Date().toISOString()}\n${out}\n`);
    await browser?.close();
    await app?.stop();
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  }
  if (failure) throw failure;
  for (const name of NAMES) {
    const s = [...samples[name]].sort((a, b) => a - b);
    assert.ok(s.length > 0, `${name}: no measure recorded`);
    assert.ok(quantile(s, 0.95) <= CEILING_MS, `${name}: p95 ${quantile(s, 0.95).toFixed(1)} ms is over the ceiling of ${CEILING_MS} ms`);
  }
});
