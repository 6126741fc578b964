// Issue 3 end to end, in the real app: an upgrade dossier goes from
// submission through the six-director countersign (switching profiles),
// department and PMO approval, execution and confirmation to archive; a
// return by one director and the resubmission are part of the run. The
// sample portfolio supplies one profile per role (passphrase golive-sample).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { address, startApp, launchBrowser, openApp, screenshot, switchToRole } from '../lib/app.mjs';

let app, browser, page, files;
before(async () => {
  app = await startApp({ name: 'workflow' });
  browser = await launchBrowser();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-e2e-files-'));
});
after(async () => {
  await browser?.close();
  await app?.dispose();
  fs.rmSync(files, { recursive: true, force: true });
});

let n = 0;
function sampleFile(ext = 'pdf') {
  const p = path.join(files, `document-${++n}.${ext}`);
  fs.writeFileSync(p, `GoLive e2e document ${n}\n`);
  return p;
}

// go opens a route afresh (a reload, so the page shows what the backend
// holds after calls made behind its back).
const go = async (hash) => {
  const url = `${app.url}/#${hash}`;
  if ((await address(page)) === url) await page.reload();
  else await page.goto(url);
  await page.getByTestId('app-shell').waitFor();
};

let people;
/** switchTo unlocks the sample profile holding role through the header, as a user does. */
const switchTo = (role) => switchToRole(page, people, role);

/** answerYes answers every approval item in panel 是 (the bulk button shows only for two or more). */
async function answerYes(panel) {
  const all = panel.getByTestId('answers-all-yes');
  if (await all.count()) return all.click();
  for (const b of await panel.locator('[data-testid^="answer-"][data-testid$="-yes"]').all()) await b.click();
}

/** attachMissing uploads a file for every required deliverable without a version inside root, but those whose id is in skip. */
async function attachMissing(root, skip = []) {
  const items = page.locator(`${root} [data-testid^="deliverable-"][data-versions="0"]`);
  for (let i = (await items.count()) - 1; i >= 0; i--) {
    const it = items.nth(i);
    const input = it.locator('input[type=file]');
    if ((await it.locator('.n-tag', { hasText: '必需' }).count()) && (await input.count())) {
      const before = await it.getAttribute('data-testid');
      if (skip.some((id) => before === `deliverable-${id}`)) continue;
      await input.setInputFiles(sampleFile());
      await page.locator(`${root} [data-testid="${before}"]:not([data-versions="0"])`).waitFor();
    }
  }
}

const state = (id) => page.evaluate((d) => window.go.app.DossierAPI.Get(d).then((v) => v.state), id);

/** until polls the dossier's state until pred(state) holds (15 s at most). */
async function until(id, pred, what) {
  for (let i = 0; i < 75; i++) {
    if (pred(await state(id))) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function approveAs(id, role) {
  await switchTo(role);
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('decision-panel').waitFor();
  await answerYes(page.getByTestId('decision-panel'));
  await page.getByTestId('decide-approve').click();
  await until(id, (st) => st.flow.slots.some((s) => s.role === role && s.status === 'approved'), `${role} to approve`);
}

async function submitAsOwner(id) {
  await switchTo('system_owner');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('submit-panel').waitFor();
  await attachMissing('[data-testid="submit-panel"]');
  await answerYes(page.getByTestId('submit-panel'));
  await page.getByTestId('submit').click();
  await until(id, (st) => st.flow.phase === 'approval', 'the submission');
}

test('an upgrade goes from submission through countersign, a return, execution and confirmation to archive', async () => {
  page = await openApp(browser, app, { viewport: { width: 1280, height: 760 }, locale: 'zh-CN' });
  // The sample portfolio, from the first-start screen.
  await page.getByTestId('gate-load-sample').click();
  await page.getByTestId('load-sample-confirm').click();
  await page.getByTestId('app-shell').waitFor({ timeout: 60_000 });
  people = await page.evaluate(() => window.go.app.ProfileAPI.List());
  assert.ok(people.length >= 16);

  // A fresh upgrade of CRM (a java system) in the next open window; its
  // checklist complete — preparation is issue 2's story.
  const owner = await switchTo('system_owner');
  const id = await page.evaluate(async () => {
    const api = window.go.app;
    const year = new Date().getFullYear();
    const plan = await api.WindowAPI.Year(year + 1);
    const w = plan.in_force.windows.find((x) => x.class === 'java' && x.state === 'open');
    const v = await api.DossierAPI.Create({
      system_code: 'CRM', title: 'CRM 端到端审批', type: 'upgrade', subtype: 'cr', mode: 'planned', version: '9.9.0',
      planned_at: `${w.date}T${w.start}`, window: w.id, project_manager: '张伟', system_owner: '李娜',
      content: [{ kind: 'cr', ref: 'CR-E2E-001', title: '端到端测试需求' }],
    });
    const tpl = await api.TemplateAPI.Current();
    for (const it of tpl.checklist) if (it.id !== 'pre.user_test') await api.DossierAPI.SetChecklist(v.state.id, it.id, 'done', '已确认');
    return v.state.id;
  });
  // The last item as a user does it: evidence typed, then 已完成 clicked
  // straight away (the click blurs the note, which saves first; issue 12).
  await go(`/dossiers/${id}?tab=checklist`);
  await page.getByTestId('checklist-note-pre.user_test').fill('用户测试报告已签字');
  await page.getByTestId('checklist-status-pre.user_test-done').click();
  await until(id, (st) => st.checklist['pre.user_test']?.status === 'done' && st.checklist['pre.user_test']?.note === '用户测试报告已签字',
    'the evidence and the status both recorded');
  await page.locator('[data-testid="checklist-row-pre.user_test"][data-status="done"]').waitFor();
  // The release package is recorded by name, size and SHA-256 only.
  const pkg = sampleFile('zip');
  const report = 'up.2.biz_apps.interface_test_report';
  await page.evaluate(([d, p]) => window.go.app.DossierAPI.RecordPackagePath(d, 'up.2.app_dev.release_package', p), [id, pkg]);

  // Submission is refused until the start step's deliverables are there.
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('submit-panel').getByTestId('answers-all-yes').click();
  await page.getByTestId('submit').click();
  await page.getByTestId('missing-list').waitFor();
  assert.match(await page.getByTestId('missing-list').textContent(), /用户测试报告/);
  // Uploading what it names makes the refusal go, without another click.
  await attachMissing('[data-testid="submit-panel"]');
  await page.getByTestId('missing-list').waitFor({ state: 'detached' });
  // The countersign rows' deliverables go in the deliverables tab; the
  // interface test report is left out: CRM calls no other system's
  // interface, which the basic applications director will say.
  await go(`/dossiers/${id}?tab=deliverables`);
  await attachMissing('[data-testid="deliverables-tab"]', [report]);
  await submitAsOwner(id);
  await screenshot(page, 'workflow-submitted');

  // The first director approves; the second returns it to the applicant.
  await approveAs(id, 'cs_director');
  await switchTo('biz_apps_director');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('decide-return').click();
  await page.getByTestId('decision-comment').fill('接口测试报告缺少与ESB的联调结果，请补充');
  await page.getByTestId('return-to-submitter').click();
  await page.getByTestId('decide-return-confirm').click();
  await until(id, (st) => st.flow.phase === 'draft', 'the return to the applicant');
  let st = await state(id);
  assert.ok(!st.flow.submission, "the submission is gone");
  assert.ok(st.flow.slots.every((s, i) => i === 0 || s.status === 'waiting'), 'a return to the applicant reopens every step');

  // Resubmission. The basic and the business applications directors each
  // answer 否 to the interface question: the follow-up question and the
  // interface test report are no longer asked of them, and they approve
  // without the report.
  await submitAsOwner(id);
  for (const row of ['basic_apps', 'biz_apps']) {
    const role = `${row}_director`;
    await switchTo(role);
    await go(`/dossiers/${id}?tab=approval`);
    const panel = page.getByTestId('decision-panel');
    await panel.waitFor();
    await panel.getByTestId(`slot-deliv-${report}`).waitFor();
    await panel.getByTestId('answers-all-yes').click();
    await panel.getByTestId(`answer-up.2.${row}.interface_calls-no`).click();
    await panel.getByTestId(`answer-up.2.${row}.interface_tested`).waitFor({ state: 'detached' });
    await panel.getByTestId(`deliv-not-needed-${report}`).waitFor();
    await panel.getByTestId(`answer-up.2.${row}.interface_calls-remark`).fill('CRM 本次不调用其他系统的接口');
    if (row === 'basic_apps') await screenshot(page, 'workflow-interface-no');
    await panel.getByTestId('decide-approve').click();
    await until(id, (st) => st.flow.slots.some((s) => s.role === role && s.status === 'approved'), `${role} to approve without the report`);
  }
  // The development director checks the go-live manual given at the start: no second upload.
  await switchTo('app_dev_director');
  await go(`/dossiers/${id}?tab=approval`);
  await page.getByTestId('decision-panel').getByTestId('deliv-shared-from-up.1.release_note').waitFor();
  for (const role of ['cs_director', 'data_integration_director', 'app_dev_director', 'infrastructure_director']) {
    await approveAs(id, role);
  }
  st = await state(id);
  assert.ok(!(st.flow.deliverables?.[report]?.length), 'the interface test report was never uploaded');
  await screenshot(page, 'workflow-countersigned');
  await approveAs(id, 'owning_subdept_director');
  await approveAs(id, 'pmo_director');
  st = await state(id);
  assert.equal(st.flow.phase, 'execution');
  assert.equal(st.flow.submissions, 2);

  // Execution by the release operator, supervised.
  await switchTo('release_operator');
  await go(`/dossiers/${id}?tab=execution`);
  await page.getByTestId('runbook-add').click();
  await page.getByTestId('runbook-action-1').fill('部署待发布程序包并重启服务');
  await page.getByTestId('runbook-result-1').click();
  await page.locator('.n-base-select-option', { hasText: '成功' }).first().click();
  await page.getByTestId('runbook-save').click();
  await until(id, (st) => st.flow.execution.runbook?.length === 1 && st.flow.execution.runbook[0].result === 'ok', 'the runbook');
  // The deployed package is re-hashed (the file dialog cannot run headless).
  await page.evaluate(([d, p]) => window.go.app.DossierAPI.CheckPackagePath(d, p), [id, pkg]);
  await go(`/dossiers/${id}?tab=execution`);
  assert.equal(await page.getByTestId('package-result').getAttribute('data-match'), 'true');
  await page.getByTestId('release').click();
  await until(id, (st) => !!st.flow.execution.released, 'the release');
  await switchTo('release_supervisor');
  await go(`/dossiers/${id}?tab=execution`);
  await screenshot(page, 'workflow-before-supervise');
  await page.getByTestId('supervise').click();
  await until(id, (st) => st.flow.phase === 'confirmation', 'the supervision');

  // The requesting side's same-day test (guideline 6.4.3): the system owner
  // gives 系统发布测试确认书, the business confirmer signs it with her own
  // profile (not a name typed by IT staff).
  await switchTo('system_owner');
  await go(`/dossiers/${id}?tab=execution`);
  const testDoc = page.getByTestId('same-day-doc');
  await testDoc.locator('input[type=file]').setInputFiles(sampleFile());
  await testDoc.locator('[data-testid^="deliverable-"]:not([data-versions="0"])').waitFor();
  await switchTo('business_confirmer');
  await go(`/dossiers/${id}?tab=execution`);
  await page.getByTestId('sameday-way-self').waitFor();
  // Tested just now, in the dossier's zone.
  const now = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date());
  await page.getByTestId('sameday-at').fill(now);
  await page.getByTestId('same-day-panel').scrollIntoViewIfNeeded();
  await screenshot(page, 'workflow-same-day-test');
  await page.getByTestId('sameday-save').click();
  await until(id, (st) => !!st.flow.execution.same_day_test, 'the same-day test');
  st = await state(id);
  assert.equal(st.flow.execution.same_day_test.role, 'business_confirmer', 'the business confirmer signed with her own key');

  // Confirmation by the system owner, with 用户确认书 (the tables' one document).
  await switchTo('system_owner');
  await go(`/dossiers/${id}?tab=deliverables`);
  await attachMissing('[data-testid="deliverables-tab"]');
  await go(`/dossiers/${id}?tab=closing`);
  await page.getByTestId('confirm-success').click();
  await answerYes(page.getByTestId('confirm-form'));
  await page.getByTestId('confirm').click();
  await until(id, (st) => st.flow.phase === 'confirmed', 'the confirmation');

  // Archive: five standard documents are attached; the two optional ones
  // of an upgrade (使用说明书, 培训手册) need a reason each.
  await go(`/dossiers/${id}?tab=closing`);
  await page.getByTestId('archive').click();
  await page.getByTestId('archive-dialog').waitFor();
  const absent = await page.locator('[data-testid^="archive-doc-"][data-present="false"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(absent.sort(), ['archive-doc-training_manual', 'archive-doc-user_manual']);
  await page.getByTestId('archive-confirm').click();
  await page.getByTestId('error-alert').or(page.locator('.n-form-item-feedback--error')).first().waitFor();
  assert.equal(await state(id).then((st) => st.flow.phase), 'confirmed', 'archive without reasons is refused');
  for (const doc of ['user_manual', 'training_manual']) {
    await page.getByTestId(`archive-reason-${doc}`).fill('本次需求变更不涉及用户操作与培训，无需更新');
  }
  await page.getByTestId('archive-confirm').click();
  await page.getByTestId('dossier-archived').waitFor();
  st = await state(id);
  assert.equal(st.stage, 'archive');
  assert.deepEqual(Object.keys(st.flow.archive.not_applicable).sort(), ['training_manual', 'user_manual']);
  const v = await page.evaluate((d) => window.go.app.DossierAPI.Get(d), id);
  assert.ok(v.history.every((h) => !h.ignored), 'no event of the run was refused by the fold');
  assert.ok(v.history.some((h) => h.kind === 'flow.decided' && h.params.decision === 'return'));
  assert.equal(owner.roles[0], 'system_owner');
  await screenshot(page, 'workflow-archived');
});
