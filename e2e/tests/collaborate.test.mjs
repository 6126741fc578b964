// Issue 11 end to end: three instances of the real app, each with its own
// data folder, work on one new-system dossier together. A holds the whole
// sample portfolio (every sample profile); B and C each hold ONE director's
// key only, restored from a key backup, and get the dossiers and the roster
// from A. The project manager submits on A, the customer-service director
// approves on B and the business-applications director on C (real clicks,
// from 待我审批), the remaining approvers sign on A (switching profiles),
// and the project manager files (流程备案, the new-system flow's filing
// step). Every instance ends with the same dossier, and the confirmation
// PDF exported from any of them verifies on the others.
//
// Run 1 moves the events through one shared sync folder (SyncAPI); run 2
// with .golive exchange files only (ExchangeAPI: SendToPath, ReplyToPath,
// ImportFile).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { address, startApp, launchBrowser, openApp, screenshot, switchToRole, DEV_BIN, SAMPLE_PASSPHRASE } from '../lib/app.mjs';

const run = promisify(execFile);

/** golive runs a headless subcommand of the dev binary and returns its output. */
async function golive(args, env = {}) {
  const t0 = Date.now();
  try {
    const { stdout } = await run(DEV_BIN, args, { env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
    timing(`golive ${args[0]} ${args[1] ?? ''}`.trim(), t0);
    return stdout;
  } catch (e) {
    throw new Error(`golive ${args.join(' ')} failed (${e.code}):\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

const timings = [];
function timing(what, t0) {
  timings.push(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// The two directors who approve on their own instance.
const REMOTE = { B: 'cs_director', C: 'biz_apps_director' };

let tmp, sample, browser, pmoFingerprint;
const keyFile = {}; // role -> key backup
const person = {}; // role -> roster person id
const instances = [];

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-e2e-collab-'));
  // The sample portfolio once; each run works on a copy.
  sample = path.join(tmp, 'sample');
  const t0 = Date.now();
  const [, b] = await Promise.all([golive(['demo', '--data', sample]), launchBrowser()]);
  browser = b;
  timing('sample portfolio and browser', t0);
  const roster = JSON.parse(await golive(['roster', 'show', '--json', '--data', sample]));
  pmoFingerprint = roster.pinned_fingerprint;
  for (const role of Object.values(REMOTE)) {
    const p = roster.people.find((x) => x.roles?.includes(role));
    assert.ok(p, `the sample roster names a ${role}`);
    person[role] = p.id;
    keyFile[role] = path.join(tmp, `${role}.golive-key`);
    await golive(['identity', 'backup', '--profile', p.name, '--out', keyFile[role], '--data', sample]);
  }
});

after(async () => {
  await browser?.close();
  for (const it of instances) await it.app.stop().catch(() => {});
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  if (timings.length) console.log(`collaborate timings:\n  ${timings.join('\n  ')}`);
});

/**
 * instance starts the app on dir and opens it in a page; ui helpers act on
 * that page.
 */
async function instance(label, dir, name) {
  const app = await startApp({ name, dataDir: dir });
  const page = await openApp(browser, app, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const it = { label, app, page, dir };
  instances.push(it);
  // call runs fn(...args) in the page (args must be JSON).
  it.call = (fn, ...args) => page.evaluate(`(${fn})(...${JSON.stringify(args)})`);
  it.view = (id) => page.evaluate((d) => window.go.app.DossierAPI.Get(d), id);
  it.go = async (hash) => {
    const url = `${app.url}/#${hash}`;
    if ((await address(page)) === url) await page.reload();
    else await page.goto(url);
    await page.getByTestId('app-shell').waitFor();
  };
  /** until polls the dossier's view on this instance until pred(view) holds (15 s at most). */
  it.until = async (id, pred, what) => {
    for (let i = 0; i < 75; i++) {
      const v = await it.view(id).catch(() => null);
      if (v && pred(v)) return v;
      await page.waitForTimeout(200);
    }
    assert.fail(`${label}: timed out waiting for ${what}`);
  };
  return it;
}

/** unlock opens the folder's default profile on the sign-in gate, as a user does. */
async function unlock(it) {
  const { page } = it;
  await page.getByTestId('unlock-passphrase').fill(SAMPLE_PASSPHRASE);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('app-shell').waitFor({ timeout: 30_000 });
  return page.evaluate(() => window.go.app.ProfileAPI.Current());
}

/** answerYes answers every approval item in panel 是. */
async function answerYes(panel) {
  const all = panel.getByTestId('answers-all-yes');
  if (await all.count()) return all.click();
  for (const b of await panel.locator('[data-testid^="answer-"][data-testid$="-yes"]').all()) await b.click();
}

const slot = (v, role) => v.state.flow.slots.find((s) => s.role === role);

/** approveFromInbox: the profile of it opens 待我审批, the dossier, and approves his row. */
async function approveFromInbox(it, id, role) {
  const { page } = it;
  await it.go('/inbox');
  const row = page.locator(`[data-testid="inbox-row"][data-dossier="${id}"]`).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await page.getByTestId('decision-panel').waitFor();
  await answerYes(page.getByTestId('decision-panel'));
  await page.getByTestId('decide-approve').click();
  await it.until(id, (v) => slot(v, role)?.status === 'approved', `${role} to approve`);
}

/** prepare completes the checklist and attaches every deliverable the approval steps need, as the unlocked profile. */
async function prepare(it, id, files) {
  const v = await it.view(id);
  const tpl = await it.call(() => window.go.app.TemplateAPI.Current());
  const need = [];
  for (const s of v.state.plan.steps) {
    if (!['start', 'countersign', 'sequential'].includes(s.kind)) continue;
    for (const d of [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])]) {
      if (d.required && !d.generated) need.push({ id: d.id, hash: !!d.hash_only });
    }
  }
  let n = 0;
  const file = (ext) => {
    const p = path.join(files, `deliverable-${++n}.${ext}`);
    fs.writeFileSync(p, `GoLive collaborate e2e deliverable ${n}\n`);
    return p;
  };
  const items = need.map((d) => ({ ...d, path: file(d.hash ? 'zip' : 'pdf') }));
  await it.call(
    async (d, checklist, items) => {
      const api = window.go.app.DossierAPI;
      for (const c of checklist) await api.SetChecklist(d, c, 'done', '已确认');
      for (const x of items) {
        if (x.hash) await api.RecordPackagePath(d, x.id, x.path);
        else await api.AttachPath(d, x.id, x.path, '');
      }
    },
    id,
    tpl.checklist.map((c) => c.id),
    items,
  );
}

/** digest is what must be the same on every instance. */
function digest(v) {
  const st = v.state;
  return {
    stage: st.stage,
    phase: st.flow.phase,
    events: st.events,
    slots: st.flow.slots.map((s) => ({ step: s.step, row: s.row ?? '', status: s.status, by: s.decision?.by ?? '', event: s.decision?.event ?? '' })),
    history: v.history.map((h) => `${h.event}${h.ignored ? ` ignored:${h.ignored_code}` : ''}`),
    state: st,
  };
}

/**
 * scenario runs the whole story once on fresh folders; mode 'sync' carries
 * the events through one shared sync folder, 'files' through .golive
 * exchange files only.
 */
async function scenario(mode) {
  const t0 = Date.now();
  const root = path.join(tmp, mode);
  const files = path.join(root, 'files');
  fs.mkdirSync(files, { recursive: true });
  const dirA = path.join(root, 'A');
  fs.cpSync(sample, dirA, { recursive: true });
  const dirs = { A: dirA, B: path.join(root, 'B'), C: path.join(root, 'C') };
  for (const [label, role] of Object.entries(REMOTE)) {
    const out = await golive(['identity', 'restore', keyFile[role], '--data', dirs[label]], { GOLIVE_PASSPHRASE: SAMPLE_PASSPHRASE });
    assert.match(out, /restored profile/);
  }
  timing(`${mode}: folders ready`, t0);

  let t = Date.now();
  const [A, B, C] = await Promise.all(['A', 'B', 'C'].map((l) => instance(l, dirs[l], `collaborate-${mode}-${l}`)));
  timing(`${mode}: three apps started`, t);
  t = Date.now();
  const [pm, dirB, dirC] = await Promise.all([unlock(A), unlock(B), unlock(C)]);
  assert.ok(pm.roles.includes('project_manager'), 'A opens on the project manager');
  assert.ok(dirB?.id && dirC?.id && dirB.id !== dirC.id, 'B and C each open their director');
  timing(`${mode}: three profiles unlocked`, t);
  const people = await A.call(() => window.go.app.ProfileAPI.List());
  assert.equal((await B.call(() => window.go.app.ProfileAPI.List())).length, 1, 'B holds one profile only');
  assert.equal((await C.call(() => window.go.app.ProfileAPI.List())).length, 1, 'C holds one profile only');

  // --- the transport
  const sync = path.join(root, 'S');
  let sent = 0;
  const pinned = []; // instances that pinned the PMO key on an import
  if (mode === 'sync') {
    fs.mkdirSync(sync);
    for (const it of [A, B, C]) {
      const st = await it.call((s) => window.go.app.SyncAPI.SetFolder(s), sync);
      assert.ok(st, `${it.label}: SetFolder returns a status`);
    }
  }
  /** syncNow syncs each instance in turn and returns their results. */
  const syncNow = async (...its) => {
    const out = [];
    for (const it of its) {
      const ts = Date.now();
      const res = await it.call(() => window.go.app.SyncAPI.SyncNow());
      assert.deepEqual(res.failed, [], `${it.label}: no file of the sync folder failed its checks`);
      out.push(res);
      timing(`${mode}: SyncNow on ${it.label} (published ${res.published}, read ${res.read}, ${res.files} files)`, ts);
    }
    return out;
  };
  /** send writes a .golive file of the dossier on from for the person of role, and imports it on to. */
  const send = async (from, to, id, role) => {
    const f = path.join(files, `${++sent}-${from.label}-to-${to.label}.golive`);
    const ts = Date.now();
    await from.call((d, who, p) => window.go.app.ExchangeAPI.SendToPath(d, who, true, p), id, [person[role]], f);
    const rep = await importFile(to, f);
    const got = rep.dossiers.find((d) => d.id === id);
    assert.ok(got && got.new > 0 && !got.ignored?.length, `${to.label}: the file brought new events of ${id}, none refused`);
    timing(`${mode}: ${from.label} sends to ${to.label} (${fs.statSync(f).size} bytes)`, ts);
    return rep;
  };
  /** reply writes the reply of from (only the new events) and imports it on to. */
  const reply = async (from, to, id) => {
    const f = path.join(files, `${++sent}-${from.label}-reply-to-${to.label}.golive`);
    const ts = Date.now();
    await from.call((d, p) => window.go.app.ExchangeAPI.ReplyToPath(d, p), id, f);
    const rep = await importFile(to, f);
    const got = rep.dossiers.find((d) => d.id === id);
    assert.equal(got?.new, 1, `${to.label}: the reply brings the one approval`);
    timing(`${mode}: ${from.label} replies to ${to.label} (${fs.statSync(f).size} bytes)`, ts);
    return rep;
  };
  /**
   * importFile imports f on to. A folder that trusts no organisation yet
   * refuses it with roster.not_pinned and the PMO key's fingerprint, which
   * the user compares with the PMO before confirming (ImportConfirmed).
   */
  const importFile = async (to, f) => {
    const attempt = (fn, ...args) =>
      to.call(
        async (fn, args) => {
          try {
            return { report: await window.go.app.ExchangeAPI[fn](...args) };
          } catch (e) {
            return { error: JSON.parse(String(e?.message ?? e)) };
          }
        },
        fn,
        args,
      );
    let res = await attempt('ImportFile', f);
    if (res.error?.code === 'roster.not_pinned') {
      assert.equal(res.error.params.fingerprint, pmoFingerprint, `${to.label}: the file names the sample PMO's key`);
      pinned.push(to.label);
      res = await attempt('ImportConfirmed', f, res.error.params.fingerprint);
    }
    assert.ok(res.report, `${to.label}: import of ${path.basename(f)}: ${JSON.stringify(res.error)}`);
    // The window shows what the file brought, as it does for a dropped
    // file; the user reads it and closes it.
    const dialog = to.page.getByTestId('import-report');
    await dialog.waitFor({ timeout: 15_000 });
    if (!res.report.unchanged) await to.page.getByTestId('import-summary').waitFor();
    await to.page.getByTestId('import-close').click();
    await dialog.waitFor({ state: 'hidden' });
    return res.report;
  };

  // --- the project manager prepares and submits on A
  t = Date.now();
  const list = await A.call(() => window.go.app.DossierAPI.List({}));
  let id = '';
  for (const s of list) {
    if (s.type !== 'new_system' || s.phase !== 'draft') continue;
    const v = await A.view(s.id);
    if (v.actions.submit && v.state.plan.steps.find((x) => x.kind === 'countersign')?.rows?.length === 6) {
      id = s.id;
      break;
    }
  }
  assert.ok(id, 'the sample holds a new-system dossier the project manager can submit');
  await prepare(A, id, files);
  await A.go(`/dossiers/${id}?tab=approval`);
  await A.page.getByTestId('submit-panel').waitFor();
  await answerYes(A.page.getByTestId('submit-panel'));
  await A.page.getByTestId('submit').click();
  let v = await A.until(id, (x) => x.state.flow.phase === 'approval', 'the submission');
  assert.deepEqual(
    v.state.flow.slots.filter((s) => s.status === 'pending').map((s) => s.role).sort(),
    ['app_dev_director', 'basic_apps_director', 'biz_apps_director', 'cs_director', 'data_integration_director', 'infrastructure_director'],
  );
  timing(`${mode}: prepared and submitted on A`, t);

  // --- to B and C
  t = Date.now();
  if (mode === 'sync') {
    const [ra] = await syncNow(A, B, C);
    assert.ok(ra.published > 0 || (await A.call(() => window.go.app.SyncAPI.Status())).published > 0, 'A published its events');
  } else {
    await send(A, B, id, REMOTE.B);
    await send(A, C, id, REMOTE.C);
    assert.deepEqual(pinned, ['B', 'C'], 'B and C pinned the PMO key on their first import, after comparing its fingerprint');
  }
  for (const it of [B, C]) {
    const got = await it.until(id, (x) => x.state.flow.phase === 'approval', `${it.label}: the dossier to arrive`);
    assert.equal(slot(got, REMOTE[it.label]).status, 'pending');
    // The organisation came with it: the sample PMO's key is pinned.
    const o = await it.call(() => window.go.app.RosterAPI.Overview());
    assert.ok(o.pinned && o.pinned_fingerprint === pmoFingerprint, `${it.label} pins the sample PMO key (${o.pinned_fingerprint})`);
  }
  timing(`${mode}: dossier reached B and C`, t);

  // --- each director approves on his own instance
  t = Date.now();
  await Promise.all([approveFromInbox(B, id, REMOTE.B), approveFromInbox(C, id, REMOTE.C)]);
  timing(`${mode}: B and C approved (UI)`, t);
  if (mode !== 'sync') {
    // The decision made, the dossier page offers to reply to the sender.
    for (const it of [B, C]) await it.page.getByTestId('dossier-reply').waitFor({ timeout: 15_000 });
  }
  await screenshot(B.page, `collaborate-${mode}-B-approved`);

  t = Date.now();
  if (mode === 'sync') {
    await syncNow(B, C, A);
  } else {
    await reply(B, A, id);
    await reply(C, A, id);
  }
  v = await A.until(id, (x) => slot(x, REMOTE.B).status === 'approved' && slot(x, REMOTE.C).status === 'approved', 'A: both remote approvals');
  // Each counts for the roster person whose key signed on B and C.
  assert.equal(slot(v, REMOTE.B).decision.person, person[REMOTE.B]);
  assert.equal(slot(v, REMOTE.C).decision.person, person[REMOTE.C]);
  timing(`${mode}: approvals back on A`, t);

  // --- the other approvers on A, then the filing
  t = Date.now();
  for (let i = 0; i < 12; i++) {
    v = await A.view(id);
    if (v.state.flow.phase !== 'approval') break;
    const pending = v.state.flow.slots.filter((s) => s.status === 'pending');
    for (const s of pending) {
      // The approvals on their own laptops (B, C) were real clicks; the
      // rest, on A, go through the API to keep the run short (the workflow
      // test clicks through every step).
      const who = people.find((p) => p.roles.includes(s.role));
      await A.call(
        async (d, s, who, pass) => {
          const api = window.go.app;
          await api.ProfileAPI.Unlock(who, pass);
          const v = await api.DossierAPI.Get(d);
          const step = v.state.plan.steps.find((x) => x.id === s.step);
          const items = s.row ? step.rows.find((r) => r.id === s.row).items ?? [] : step.items ?? [];
          const answers = Object.fromEntries(items.map((it) => [it.id, { yes: true, remark: '' }]));
          await api.DossierAPI.Decide(d, { step: s.step, row: s.row ?? '', decision: 'approve', comment: '同意', answers });
        },
        id,
        s,
        who.id,
        SAMPLE_PASSPHRASE,
      );
    }
  }
  assert.equal(v.state.flow.phase, 'filing');
  await A.page.reload(); // the header learns whom the API unlocked
  timing(`${mode}: remaining approvals on A`, t);
  t = Date.now();
  const filer = v.state.plan.steps.find((s) => s.kind === 'filing').role;
  await switchToRole(A.page, people, filer);
  await A.go(`/dossiers/${id}?tab=approval`);
  await A.page.getByTestId('filing-panel').waitFor();
  await A.page.getByTestId('file').click();
  v = await A.until(id, (x) => x.state.flow.phase !== 'filing', 'the filing');
  assert.equal(v.state.flow.phase, 'execution', 'the filed flow goes to execution');
  assert.ok(v.history.some((h) => h.kind === 'flow.filed'), 'the filing is in the history');
  // The filing made its documents, 发布申请 and 审批意见: signed PDFs on the
  // filing step, each checked as stored, and shown under the step.
  const made = v.state.plan.steps.find((s) => s.kind === 'filing').deliverables.filter((d) => d.produces);
  assert.deepEqual(made.map((d) => d.name.zh).sort(), ['审批意见', '发布申请'].sort());
  for (const d of made) {
    const versions = v.state.flow.deliverables?.[d.id] ?? [];
    assert.equal(versions.length, 1, `the filing made ${d.name.zh}`);
    const report = await A.page.evaluate((sum) => window.go.app.DocumentsAPI.VerifyDeliverable(sum), versions[0].sha256);
    assert.equal(report.status, 'match', `${d.name.zh} verifies: ${JSON.stringify(report.problems)}`);
  }
  await A.go(`/dossiers/${id}?tab=approval`);
  for (const d of made) await A.page.getByTestId(`filed-${d.id}`).waitFor();
  timing(`${mode}: filed on A`, t);

  // --- everyone converges
  t = Date.now();
  if (mode === 'sync') {
    await syncNow(A, B, C);
  } else {
    await send(A, B, id, REMOTE.B);
    await send(A, C, id, REMOTE.C);
  }
  const want = digest(await A.view(id));
  for (const it of [B, C]) {
    const got = digest(await it.until(id, (x) => x.state.flow.phase === want.phase && x.state.events === want.events, `${it.label}: the filed dossier`));
    assert.deepEqual(
      { stage: got.stage, phase: got.phase, events: got.events, slots: got.slots, history: got.history },
      { stage: want.stage, phase: want.phase, events: want.events, slots: want.slots, history: want.history },
      `${it.label} holds the dossier A holds`,
    );
    assert.deepEqual(got.state, want.state, `${it.label}: the whole fold is A's`);
  }
  assert.ok(want.history.every((h) => !h.includes('ignored')), 'no event was refused by the fold');
  timing(`${mode}: converged`, t);

  // Each instance's dossier page.
  for (const it of [A, B, C]) {
    await it.go(`/dossiers/${id}?tab=approval`);
    await it.page.getByTestId('approval-tab').waitFor();
    await screenshot(it.page, `collaborate-${mode}-${it.label}`);
  }

  // --- the confirmation PDF exported from any instance verifies on the others
  t = Date.now();
  const pdfs = {};
  for (const it of [A, B, C]) {
    pdfs[it.label] = path.join(files, `confirmation-${it.label}.pdf`);
    await it.call((d, p) => window.go.app.DocumentsAPI.ExportPDFPath({ kind: 'confirmation', dossier: d, lang: 'zh', year: 0 }, p), id, pdfs[it.label]);
  }
  for (const from of [A, B, C]) {
    for (const on of [A, B, C]) {
      if (on === from) continue;
      const rep = await on.call((p) => window.go.app.DocumentsAPI.VerifyPath(p), pdfs[from.label]);
      assert.equal(rep.status, 'match', `the PDF from ${from.label} verifies on ${on.label}: ${JSON.stringify(rep.problems ?? rep.differences)}`);
      assert.ok(rep.signature.valid && rep.signature.known, `${from.label}'s signature is known on ${on.label}`);
    }
  }
  timing(`${mode}: PDFs cross-verified`, t);

  // With the apps closed, the CLI agrees (B's PDF on C).
  await Promise.all([A, B, C].map((it) => it.app.stop()));
  const out = await golive(['verify', pdfs.B, '--data', dirs.C]);
  assert.match(out, /: MATCH\n/);
  timing(`${mode}: whole run`, t0);
}

test('three instances converge through one sync folder: submit on A, approve on B and C, file on A', async () => {
  await scenario('sync');
});

test('three instances converge with .golive exchange files only', async () => {
  await scenario('files');
});
