// Issue 9 end to end, in the real app on the sample portfolio (which comes
// with the sample PMO's organisation roster): the PMO publishes a new
// roster version from the 组织名册 page; a director approves his countersign
// row; a profile the roster gives no role on a row sees no decision button;
// the decision signed with a revoked key shows 未授权; the project manager's
// laptop records a director's handwritten 在场签字, which shows in the
// dossier and is printed in the confirmation PDF (rendered with pdftoppm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { address, startApp, launchBrowser, openApp, screenshot, switchToRole, ARTIFACTS_DIR } from '../lib/app.mjs';

let app, browser, page, files, people;
before(async () => {
  app = await startApp({ name: 'roster' });
  browser = await launchBrowser();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-e2e-roster-'));
});
after(async () => {
  await browser?.close();
  await app?.dispose();
  fs.rmSync(files, { recursive: true, force: true });
});

const go = async (hash) => {
  const url = `${app.url}/#${hash}`;
  if ((await address(page)) === url) await page.reload();
  else await page.goto(url);
  await page.getByTestId('app-shell').waitFor();
};

/** switchTo unlocks the sample profile holding role through the header, as a user does. */
const switchTo = (role) => switchToRole(page, people, role);

const view = (id) => page.evaluate((d) => window.go.app.DossierAPI.Get(d), id);

/** until polls the dossier's view until pred(view) holds (15 s at most). */
async function until(id, pred, what) {
  for (let i = 0; i < 75; i++) {
    if (pred(await view(id))) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** findDossier returns the id of the first sample dossier whose view satisfies pred. */
async function findDossier(pred) {
  const list = await page.evaluate(() => window.go.app.DossierAPI.List({}));
  for (const s of list) {
    const v = await view(s.id);
    if (pred(v)) return s.id;
  }
  return '';
}

const pendingRow = (v, role) =>
  v.state.flow?.phase === 'approval' && v.state.flow.slots.find((s) => s.row && s.role === role && s.status === 'pending');

test('the roster decides who approves, shows 未授权 and records a witnessed handwritten signature', async () => {
  page = await openApp(browser, app, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await page.getByTestId('gate-load-sample').click();
  await page.getByTestId('load-sample-confirm').click();
  await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
  people = await page.evaluate(() => window.go.app.ProfileAPI.List());

  // The PMO publishes version 3 of the roster from the 组织名册 page.
  await switchTo('pmo');
  await go('/roster');
  await page.getByTestId('roster-in-force').waitFor();
  assert.match(await page.getByTestId('roster-in-force').textContent(), /2/);
  await page.getByTestId('roster-edit').click();
  await page.getByTestId('roster-draft').waitFor();
  await page.getByTestId('roster-publish').click();
  await page.getByTestId('publish-dialog').waitFor();
  const note = page.getByTestId('publish-dialog').locator('textarea, input').first();
  if (await note.count()) await note.fill('端到端测试：重新发布组织名册');
  await page.getByTestId('publish-confirm').click();
  for (let i = 0; i < 75; i++) {
    const o = await page.evaluate(() => window.go.app.RosterAPI.Overview());
    if (o.in_force?.roster?.version === 3) break;
    await page.waitForTimeout(200);
  }
  const overview = await page.evaluate(() => window.go.app.RosterAPI.Overview());
  assert.equal(overview.in_force.roster.version, 3, 'version 3 is in force');
  await page.getByTestId('roster-in-force').filter({ hasText: '3' }).waitFor();
  await screenshot(page, 'roster-published');

  // A countersign waiting for several directors.
  const id = await findDossier((v) => pendingRow(v, 'cs_director') && pendingRow(v, 'data_integration_director'));
  assert.ok(id, 'a sample dossier waits for the customer-service and data-integration directors');

  // The customer-service director approves his row.
  await switchTo('cs_director');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('decision-panel').waitFor();
  const panel = page.getByTestId('decision-panel');
  const all = panel.getByTestId('answers-all-yes');
  if (await all.count()) await all.click();
  else for (const b of await panel.locator('[data-testid^="answer-"][data-testid$="-yes"]').all()) await b.click();
  await page.getByTestId('decide-approve').click();
  await until(id, (v) => v.state.flow.slots.some((s) => s.role === 'cs_director' && s.status === 'approved'), 'the director to approve');

  // The project manager holds no director post: no decision button.
  await switchTo('project_manager');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('approval-tab').waitFor().catch(() => {});
  assert.equal(await page.getByTestId('decide-approve').count(), 0, 'no decision button for a profile without the role');
  assert.deepEqual((await view(id)).actions.decide, [], 'the backend offers him no decision');

  // The decision signed with the revoked old-laptop key: 未授权.
  const forged = await findDossier((v) => v.history.some((h) => h.ignored && h.ignored_code === 'roster.revoked'));
  assert.ok(forged, 'the sample holds a decision signed with a revoked key');
  await go(`/dossiers/${forged}?tab=history`);
  const mark = page.locator('[data-testid^="history-"]', { hasText: '未授权' }).first();
  await mark.waitFor();
  assert.match(await mark.textContent(), /吊销/);
  await screenshot(page, 'roster-unauthorised');

  // 在场签字: on the project manager's laptop, the data-integration
  // director signs his row by hand.
  const row = pendingRow(await view(id), 'data_integration_director');
  const key = `${row.step}/${row.row}`;
  assert.ok((await view(id)).actions.witness.includes(key), 'the project manager may record a witnessed signature');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId(`witness-open-${key}`).click();
  const director = people.find((p) => p.roles.includes('data_integration_director'));
  await page.getByTestId('witness-person').waitFor();
  await page.locator('[data-testid^="witness-person-"]', { hasText: director.name }).first().click();
  const dialog = page.getByTestId('witness-modal');
  const dall = dialog.getByTestId('answers-all-yes');
  if (await dall.count()) await dall.click();
  else for (const b of await dialog.locator('[data-testid^="answer-"][data-testid$="-yes"]').all()) await b.click();
  const pad = page.getByTestId('witness-pad');
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(box.x + box.width * (0.15 + i * 0.028), box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2.5)), { steps: 2 });
  }
  await page.mouse.up();
  await page.getByTestId('witness-submit').click();
  await until(id, (v) => v.state.flow.slots.some((s) => s.role === 'data_integration_director' && s.decision?.witness), 'the witnessed decision');
  const decided = (await view(id)).state.flow.slots.find((s) => s.role === 'data_integration_director').decision;
  assert.equal(decided.person_name, director.name);
  assert.equal(decided.witness.kind, 'handwritten');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByText('在场签字').first().waitFor();
  await screenshot(page, 'roster-witnessed');

  // The confirmation PDF prints the handwriting in the 会签 grid.
  const pdf = path.join(files, 'confirmation.pdf');
  await page.evaluate(([d, p]) => window.go.app.DocumentsAPI.ExportPDFPath({ kind: 'confirmation', dossier: d, lang: 'zh', year: 0 }, p), [id, pdf]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.match(text, /在场签字/);
  assert.ok(text.includes(director.name), 'the approver is named in the PDF');
  const prefix = path.join(ARTIFACTS_DIR, 'roster-confirmation');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, prefix]);
  assert.ok(fs.readdirSync(ARTIFACTS_DIR).some((f) => f.startsWith('roster-confirmation') && f.endsWith('.png')));
});
