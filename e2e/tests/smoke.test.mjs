// Smoke test: the dev build serves its page, the page reaches the real Go
// methods over Wails' IPC, and the app restarts on the same data folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { launchBrowser, openApp, screenshot, startApp } from '../lib/app.mjs';

const real = (p) => fs.realpathSync(p);
let app;
let browser;

before(async () => {
  app = await startApp({ name: 'smoke' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.dispose();
});

test('the page loads, with title GoLive and the Go bindings', async () => {
  const page = await openApp(browser, app);
  assert.match(await page.title(), /GoLive/);
  assert.equal(await page.evaluate(() => typeof window.go?.app), 'object');
  const info = await page.evaluate(() => window.go.app.AppAPI.Info());
  assert.equal(typeof info, 'object');
  assert.equal(real(info.data_dir), real(app.dataDir));
  await screenshot(page, 'smoke-home');
  await page.context().close();
});

test('restart() stops the app gracefully and reopens the same data folder', async () => {
  const stopped = await app.stop();
  assert.notEqual(stopped.signal, 'SIGKILL', 'the app did not stop within 15 s of SIGTERM');
  await app.restart();
  const page = await openApp(browser, app);
  const info = await page.evaluate(() => window.go.app.AppAPI.Info());
  assert.equal(real(info.data_dir), real(app.dataDir));
  await page.context().close();
});
