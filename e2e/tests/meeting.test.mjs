// Issue 13 end to end: the PMO holds a go-live review meeting (项目上线评审会)
// in the real app on the sample portfolio: a meeting for the evening of a
// release day with two dossiers not yet submitted, the readiness board
// worst first, presenter mode on a 1920×1080 projector (←/→, Esc),
// attendance from the roster with a handwritten signature, one 有条件通过
// whose condition appears on the dossier's checklist, one 顺延 that moves
// the dossier to the next open window, the minutes made (a signed PDF
// attached to both dossiers) and exported with `golive export minutes`,
// then rendered with pdftoppm for a look.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { address, startApp, launchBrowser, openApp, screenshot, switchToRole, ARTIFACTS_DIR, DEV_BIN } from '../lib/app.mjs';

const run = promisify(execFile);

let app, browser, page, files;
before(async () => {
  app = await startApp({ name: 'meeting' });
  browser = await launchBrowser();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-e2e-meeting-'));
});
after(async () => {
  await browser?.close();
  await app?.dispose();
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

const call = (fn, ...args) => page.evaluate(([f, a]) => f.split('.').reduce((o, k) => o[k], window.go.app)(...a), [fn, args]);
const view = (id) => call('DossierAPI.Get', id);

/** pick chooses option text in the Naive UI select with test id sel, typing to filter. */
async function pick(sel, text) {
  await page.getByTestId(sel).click();
  await page.keyboard.type(text);
  try {
    await page.locator('.n-base-select-option', { hasText: text }).first().click({ timeout: 10_000 });
  } catch (e) {
    await screenshot(page, `meeting-pick-failed-${sel}`);
    throw e;
  }
}

test('a review meeting: board, presenter, attendance, decisions, minutes', async () => {
  page = await openApp(browser, app, { locale: 'zh-CN' });
  await page.getByTestId('gate-load-sample').click();
  await page.getByTestId('load-sample-confirm').click();
  await page.getByTestId('app-shell').waitFor({ timeout: 120_000 });
  const people = await call('ProfileAPI.List');
  const pmo = await switchToRole(page, people, 'pmo');

  // Two dossiers not yet submitted on the same release evening.
  const list = await call('DossierAPI.List', { stage: '', system_code: '', type: '', mode: '', month: '', text: '' });
  const byDay = new Map();
  for (const d of list) {
    if (!d.window || d.out_of_scope || !['planning', 'preparation'].includes(d.stage)) continue;
    const day = d.window.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), d]);
  }
  const [day, drafts] = [...byDay.entries()].find(([, ds]) => ds.length >= 2) ?? [];
  assert.ok(day, 'the sample has two draft dossiers on one release evening');
  const [a, b] = drafts;

  // Open the meeting for that evening.
  await page.goto(`${app.url}/#/meetings`);
  await page.getByTestId('meetings-page').waitFor();
  await page.getByTestId('meeting-new').click();
  await page.getByTestId('meeting-title').fill('上线评审会（e2e）');
  await page.getByTestId('meeting-scope-day').click();
  await pick('meeting-day', day);
  await page.getByTestId('meeting-place').fill('3楼会议室');
  await page.getByTestId('meeting-create-submit').click();
  await page.getByTestId('meeting-page').waitFor();
  const id = decodeURIComponent((await address(page)).split('/meetings/')[1].split(/[?#]/)[0]);
  const board = await call('MeetingAPI.Board', id);
  assert.deepEqual(new Set(board.meeting.dossiers), new Set(list.filter((d) => d.window?.startsWith(day) && !d.out_of_scope).map((d) => d.id)));
  // Worst first, as the board computed it, in the page's order.
  const rank = { block: 0, warn: 1, ok: 2 };
  const levels = board.rows.map((r) => rank[r.level]);
  assert.deepEqual(levels, [...levels].sort((x, y) => x - y), 'rows worst first');
  const shown = await page.locator('[data-testid^="board-row-"]').evaluateAll((els) => els.map((e) => e.dataset.testid.slice('board-row-'.length)));
  assert.deepEqual(shown, board.rows.map((r) => r.dossier.id), 'the page shows the board in its order');
  await page.getByTestId(`board-row-${a.id}`).getByTestId('check-checklist').waitFor();
  await screenshot(page, 'meeting-board');

  // Attendance: three people of the roster; one delegated, one absent.
  const roster = (await call('RosterAPI.Overview')).in_force?.roster.people ?? [];
  const invited = roster.filter((p) => p.name !== pmo.name).slice(0, 3);
  assert.equal(invited.length, 3, 'the sample roster has people to invite');
  for (const p of invited) await pick('attendance-add', p.name);
  await page.getByTestId('attendee-1-delegated').click();
  await page.getByTestId('attendee-delegate-1').fill('赵磊');
  await page.getByTestId('attendee-2-absent').click();
  await page.getByTestId('attendance-save').click();
  await page.getByTestId('attendance-unsaved').waitFor({ state: 'detached' });
  await page.getByTestId('attendee-sign-0').click();
  const pad = page.getByTestId('attendee-pad-0').locator('canvas');
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(box.x + box.width * (0.15 + i * 0.028), box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2.5)), { steps: 2 });
  }
  await page.mouse.up();
  await page.getByTestId('attendee-sign-save-0').click();
  await page.getByTestId('attendee-signed-0').filter({ hasText: '已签字' }).waitFor();
  const held = (await call('MeetingAPI.Board', id)).meeting;
  assert.deepEqual(held.attendance.map((x) => x.status), ['present', 'delegated', 'absent']);
  assert.equal(held.attendance[1].delegate, '赵磊');
  assert.match(held.attendance[0].signature, /^[0-9a-f]{64}$/);

  // 有条件通过 on a: its condition becomes a checklist item of a.
  await page.getByTestId(`decide-${a.id}-conditional`).click();
  await page.getByTestId(`decide-conditions-${a.id}`).fill('上线前补充回退演练记录');
  await page.getByTestId(`decide-record-${a.id}`).click();
  await page.getByTestId(`board-decision-${a.id}`).waitFor();
  const va = await view(a.id);
  assert.equal(va.state.conditions.length, 1);
  assert.equal(va.state.conditions[0].text, '上线前补充回退演练记录');

  // 顺延 on b: the proposed window, later than its own.
  const proposed = (await call('MeetingAPI.Board', id)).rows.find((r) => r.dossier.id === b.id).proposed;
  assert.ok(proposed, 'the board proposes a window for 顺延');
  await page.getByTestId(`decide-${b.id}-postpone`).click();
  await page.getByTestId(`decide-proposed-${b.id}`).waitFor();
  await page.getByTestId(`decide-remark-${b.id}`).fill('性能压测未完成');
  await page.getByTestId(`decide-record-${b.id}`).click();
  await page.getByTestId(`board-decision-${b.id}`).waitFor();
  const vb = await view(b.id);
  assert.equal(vb.state.window, proposed.id, 'the dossier moved to the proposed window');
  assert.notEqual(vb.state.window, b.window);
  assert.ok(new Date(vb.state.planned_at) > new Date(b.planned_at), 'the new window is later');

  // Presenter mode on a 1920×1080 projector: one dossier at a time, ←/→, Esc, nothing editable.
  const proj = await openApp(browser, app, { locale: 'zh-CN', viewport: { width: 1920, height: 1080 } });
  await proj.goto(`${app.url}/#/meetings/${encodeURIComponent(id)}`);
  await proj.getByTestId('meeting-presenter').click();
  const presenter = proj.getByTestId('presenter');
  await presenter.waitFor();
  assert.equal(await presenter.locator('input, textarea, select, [contenteditable="true"]').count(), 0, 'presenter mode has nothing editable');
  const first = await proj.locator('[data-testid^="presenter-row-"]').getAttribute('data-testid');
  await proj.keyboard.press('ArrowRight');
  await proj.waitForFunction((f) => !document.querySelector(`[data-testid="${f}"]`), first);
  const second = await proj.locator('[data-testid^="presenter-row-"]').getAttribute('data-testid');
  assert.notEqual(second, first);
  await screenshot(proj, 'meeting-presenter-1920x1080');
  await proj.keyboard.press('ArrowLeft');
  await proj.locator(`[data-testid="${first}"]`).waitFor();
  await proj.keyboard.press('Escape');
  await presenter.waitFor({ state: 'detached' });
  await proj.context().close();

  // Minutes: made, signed, attached to both dossiers; the review item's evidence on a.
  await page.getByTestId('meeting-close').click();
  await page.getByTestId('meeting-minutes').waitFor();
  const closed = (await call('MeetingAPI.Board', id)).meeting;
  assert.ok(closed.minutes, 'the meeting has its minutes');
  for (const d of [a.id, b.id]) {
    const reviews = (await view(d)).state.reviews;
    assert.equal(reviews.at(-1).minutes?.sha256, closed.minutes.sha256, `the minutes are attached to ${d}`);
  }
  const reviewItem = (await call('TemplateAPI.Current')).settings.review_item;
  assert.equal((await view(a.id)).state.checklist[reviewItem].file?.sha256, closed.minutes.sha256);

  // The condition on a's checklist, in the dossier page.
  await page.goto(`${app.url}/#/dossiers/${a.id}?tab=checklist`);
  await page.getByText('上线前补充回退演练记录').first().waitFor();
  await screenshot(page, 'meeting-condition-on-checklist');

  // golive export minutes, on the folder once the app has let it go.
  await app.stop();
  const out = path.join(files, 'minutes.pdf');
  const { stdout } = await run(DEV_BIN, ['export', 'minutes', '--meeting', id, '--out', out, '--json', '--data', app.dataDir]);
  assert.equal(JSON.parse(stdout).sha256, closed.minutes.sha256);
  const { stdout: text } = await run('pdftotext', ['-layout', out, '-']);
  for (const want of ['会议纪要', '上线评审会（e2e）', '3楼会议室', invited[0].name, '赵磊', '有条件通过', '上线前补充回退演练记录', '顺延', '性能压测未完成']) {
    assert.ok(text.includes(want), `the minutes say ${want}`);
  }
  await run('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', out, path.join(ARTIFACTS_DIR, 'meeting-minutes')]);
  const { stdout: verified } = await run(DEV_BIN, ['verify', out, '--json', '--data', app.dataDir]);
  assert.equal(JSON.parse(verified).status, 'match');
});
