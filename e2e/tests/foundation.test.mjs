// Issue 2 end to end, in the real app: create a profile, add a system,
// create an upgrade dossier, complete three checklist items, restart the
// app, and find the dossier and its checklist as they were left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, launchBrowser, openApp, screenshot } from '../lib/app.mjs';

let app, browser;
before(async () => {
  app = await startApp({ name: 'foundation' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.dispose();
});

const PASS = 'correct horse 42';
const ITEMS = ['pre.review_meeting', 'pre.training', 'pre.user_test'];

async function pickOption(page, testId, text) {
  await page.getByTestId(testId).click();
  await page.locator('.n-base-select-option', { hasText: text }).first().click();
}

test('profile, system, dossier and checklist survive a restart', async () => {
  let page = await openApp(browser, app, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });

  // 1. Profile: an Ed25519 key sealed under the passphrase.
  await page.getByTestId('profile-name').fill('张伟');
  await page.getByTestId('profile-department').fill('业务应用部');
  await page.getByTestId('profile-roles').click();
  await page.locator('.n-base-select-option', { hasText: '项目经理' }).first().click();
  await page.locator('.n-base-select-option', { hasText: '应用部门系统所有人' }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('profile-passphrase').fill(PASS);
  await page.getByTestId('profile-passphrase-confirm').fill(PASS);
  await page.getByTestId('profile-create').click();
  await page.getByTestId('app-shell').waitFor();
  const profiles = await page.evaluate(() => window.go.app.ProfileAPI.List());
  assert.equal(profiles.length, 1);
  assert.match(profiles[0].fingerprint, /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);

  // 2. System.
  await page.getByTestId('nav-systems').click();
  await page.getByTestId('system-new').click();
  await page.getByTestId('system-code').fill('CRM');
  await page.getByTestId('system-name').fill('客户关系管理系统');
  await page.getByTestId('system-department').fill('业务应用部');
  await page.getByTestId('system-owner').fill('李娜');
  await page.getByTestId('system-save').click();
  await page.locator('[data-testid="system-row"][data-code="CRM"]').waitFor();

  // 3. Upgrade dossier.
  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossier-new').click();
  await pickOption(page, 'dossier-system', 'CRM');
  await page.getByTestId('dossier-title').fill('CRM 十二月需求变更发布');
  await page.getByTestId('dossier-type-upgrade').click();
  await page.getByTestId('dossier-subtype-cr').click();
  await page.getByTestId('dossier-version').fill('2.3.0');
  await page.getByTestId('content-add').click();
  await page.getByTestId('content-ref-0').fill('CR-2026-118');
  await page.getByTestId('content-title-0').fill('客户360视图增加关联企业');
  await page.getByTestId('dossier-save').click();
  await page.getByTestId('dossier-page').waitFor();
  const id = (await page.getByTestId('dossier-id').textContent()).trim();
  assert.match(id, /^R\d\d/);

  // 4. Three checklist items done, one with an evidence note.
  await page.getByTestId('tab-checklist').click();
  for (const item of ITEMS) {
    await page.getByTestId(`checklist-status-${item}-done`).click();
    await page.locator(`[data-testid="checklist-row-${item}"][data-status="done"]`).waitFor();
  }
  await page.getByTestId('checklist-note-pre.review_meeting').fill('评审会纪要 2026-11-20');
  await page.getByTestId('checklist-summary').click(); // blur saves the note
  // Poll the backend until the note is stored (a promise-returning
  // waitForFunction predicate would count as truthy at once).
  let note = '';
  for (let i = 0; i < 75 && note !== '评审会纪要 2026-11-20'; i++) {
    note = await page.evaluate((d) => window.go.app.DossierAPI.Get(d).then((v) => v.state.checklist['pre.review_meeting']?.note ?? ''), id);
    if (note !== '评审会纪要 2026-11-20') await page.waitForTimeout(200);
  }
  assert.equal(note, '评审会纪要 2026-11-20');
  await screenshot(page, 'foundation-checklist');
  await page.close();

  // 5. Restart the app on the same folder.
  await app.restart();
  page = await openApp(browser, app, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await page.getByTestId('unlock-passphrase').fill('wrong horse 42');
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('error-alert').waitFor();
  assert.match(await page.getByTestId('error-alert').textContent(), /口令/);
  await page.getByTestId('unlock-passphrase').fill(PASS);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('app-shell').waitFor();

  // 6. The dossier and its checklist as they were left.
  const row = page.locator(`[data-testid="dossier-row"][data-id="${id}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /CRM 十二月需求变更发布/);
  await row.click();
  await page.getByTestId('tab-checklist').click();
  for (const item of ITEMS) {
    await page.locator(`[data-testid="checklist-row-${item}"][data-status="done"]`).waitFor();
  }
  assert.equal(await page.locator('[data-testid^="checklist-row-"][data-status="done"]').count(), 3);
  assert.match(await page.getByTestId('checklist-by-pre.training').textContent(), /张伟/);
  assert.equal(await page.getByTestId('checklist-note-pre.review_meeting').inputValue(), '评审会纪要 2026-11-20');
  await page.getByTestId('tab-history').click();
  // The pane renders after the click: wait for the third entry (count()
  // does not wait).
  const sets = page.locator('[data-testid="history-list"] [data-testid="history-checklist.set"]');
  await sets.nth(2).waitFor();
  assert.equal((await sets.count()) >= 3, true);
  await screenshot(page, 'foundation-after-restart');
});
