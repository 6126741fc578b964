// Helpers for GoLive's end-to-end tests: start the real app (the dev build,
// build/bin/golive-dev, which the Makefile builds first) on a free port with
// its own data folder, and drive it in Debian's Chromium with playwright-core.
// In dev mode the page at app.url talks to the real Go methods over Wails'
// IPC websocket, so window.go.app.* are the bound Go structs.
// See e2e/README.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(E2E_DIR, '..');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
export const DEV_BIN = process.env.GOLIVE_DEV_BIN || path.join(REPO_DIR, 'build/bin/golive-dev');
export const ASSET_DIR = process.env.GOLIVE_ASSET_DIR || path.join(REPO_DIR, 'frontend/dist');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// ---------------------------------------------------------------- display
// The dev binary opens a real GTK window, so it needs an X display: the
// one in $DISPLAY, else a private Xvfb started once per test process.
let xvfb = null;
async function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!xvfb) {
    xvfb = new Promise((resolve, reject) => {
      const p = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      });
      let out = '';
      p.on('error', reject);
      p.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before reporting its display`)));
      p.stdio[3].on('data', (d) => {
        out += d;
        if (!out.includes('\n')) return;
        p.stdio[3].destroy();
        p.unref(); // do not keep the test process alive
        resolve({ proc: p, name: `:${out.trim()}` });
      });
      process.on('exit', () => p.kill('SIGTERM'));
    });
  }
  return (await xvfb).name;
}

// ---------------------------------------------------------------- the app
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function exited(proc) {
  return proc.exitCode !== null || proc.signalCode !== null;
}

/**
 * Starts build/bin/golive-dev under X with a data folder and waits until
 * it serves its page.
 * @param {object} [opts]
 * @param {string} [opts.dataDir] data folder (default: a new temp folder, removed by dispose())
 * @param {number} [opts.port] dev server port (default: a free one)
 * @param {string[]} [opts.args] extra arguments after `--data DIR`
 * @param {Record<string,string>} [opts.env] extra environment
 * @param {string} [opts.name] label for the log file e2e/artifacts/<name>.log
 * @param {number} [opts.timeoutMs] how long to wait for the page (default 60 s)
 * @returns {Promise<{url:string, port:number, dataDir:string, proc:import('node:child_process').ChildProcess,
 *   logs:()=>string, stop:()=>Promise<{code:number|null, signal:string|null}>,
 *   restart:()=>Promise<object>, dispose:()=>Promise<void>}>}
 */
export async function startApp(opts = {}) {
  if (!fs.existsSync(DEV_BIN)) {
    throw new Error(`${DEV_BIN} is missing: build it with "make build-dev" (go build -tags dev -o build/bin/golive-dev .)`);
  }
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'golive-e2e-')));
  const port = opts.port ?? (await freePort());
  const name = opts.name ?? `app-${port}`;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const url = `http://127.0.0.1:${port}`;
  const DISPLAY = await display();
  await fsp.mkdir(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, `${name}.log`);
  let log = '';

  const app = { url, port, dataDir, proc: null, logFile };

  async function start() {
    // Wails' dev flags (-assetdir, -devserver) are given through the
    // environment: its FlagSet stops at the first unknown flag (--data).
    const env = {
      ...process.env,
      DISPLAY,
      GOLIVE_DATA: dataDir,
      assetdir: ASSET_DIR,
      devserver: `127.0.0.1:${port}`,
      loglevel: process.env.GOLIVE_E2E_LOGLEVEL || 'Info',
      ...opts.env,
    };
    delete env.DBUS_SESSION_BUS_ADDRESS; // no single-instance hand-over between tests
    const proc = spawn(DEV_BIN, ['--data', dataDir, ...(opts.args ?? [])], {
      cwd: REPO_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = fs.createWriteStream(logFile, { flags: 'a' });
    const onData = (d) => {
      log += d;
      out.write(d);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', () => out.end());
    app.proc = proc;

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited(proc)) throw new Error(`golive-dev exited (${proc.exitCode ?? proc.signalCode}) before serving ${url}\n${log}`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        await app.stop();
        throw new Error(`golive-dev did not serve ${url} within ${timeoutMs} ms\n${log}`);
      }
      await sleep(200);
    }
    return app;
  }

  /** Stops the app gracefully (SIGTERM; SIGKILL after 15 s). */
  app.stop = async () => {
    const proc = app.proc;
    if (!proc || exited(proc)) return { code: proc?.exitCode ?? null, signal: proc?.signalCode ?? null };
    const done = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    const res = await done;
    clearTimeout(timer);
    return res;
  };
  /** Stops the app and starts it again on the same data folder and port. */
  app.restart = async () => {
    await app.stop();
    return start();
  };
  /** Stops the app and removes the data folder if startApp made it. */
  app.dispose = async () => {
    await app.stop();
    if (ownDir) await fsp.rm(dataDir, { recursive: true, force: true });
  };
  app.logs = () => log;

  return start();
}

// ---------------------------------------------------------------- browser
/**
 * Launches Debian's Chromium headless (playwright-core; a fresh temporary
 * profile each time). Close it with browser.close().
 */
export async function launchBrowser(opts = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...opts,
  });
}

/**
 * Opens app.url in a new page and waits until the Wails bindings
 * (window.go.app.AppAPI) are there. Options go to browser.newContext
 * (default locale en-US, viewport 1280x760 like the window).
 */
export async function openApp(browser, app, contextOpts = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 760 }, ...contextOpts });
  const page = await context.newPage();
  await page.goto(app.url ?? app);
  await page.waitForFunction(() => !!window.go?.app?.AppAPI, null, { timeout: 30_000 });
  return page;
}

/**
 * address returns the page's address once the app has written its route
 * there: the app moves between pages in memory and writes the hash when
 * the page is idle (frontend/src/lib/history.ts), so it waits for an idle
 * moment first (the app's write was asked for before this one).
 */
export async function address(page) {
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
  return page.url();
}

/** Saves a full-page screenshot to e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(page, name) {
  await fsp.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------- sample
/** The passphrase of every sample profile. */
export const SAMPLE_PASSPHRASE = 'golive-sample';

/**
 * switchToRole makes current, through the header's person menu as a user
 * does, the sample profile (one of people, from ProfileAPI.List) holding
 * role, and returns it (see switchTo).
 */
export async function switchToRole(page, people, role) {
  const who = people.find((p) => p.roles.includes(role));
  if (!who) throw new Error(`no sample profile holds ${role}`);
  return switchTo(page, who);
}

/**
 * switchTo makes the sample profile who ({ id, name }) current through the
 * header's person menu, as a user does, and returns it: at once when it
 * was unlocked earlier in this session, else with its passphrase typed in
 * its row. The page is not reloaded.
 */
export async function switchTo(page, who) {
  const cur = await page.evaluate(() => window.go.app.ProfileAPI.Current());
  if (cur?.id === who.id) return who;
  await page.getByTestId('header-person').click();
  const row = page.getByTestId(`person-row-${who.id}`);
  const locked = (await row.getAttribute('data-state')) === 'locked';
  await row.click();
  if (locked) {
    await page.getByTestId('person-passphrase').fill(SAMPLE_PASSPHRASE);
    await page.getByTestId('person-unlock-submit').click();
  }
  for (let i = 0; i < 75 && (await page.evaluate(() => window.go.app.ProfileAPI.Current()))?.id !== who.id; i++) {
    await page.waitForTimeout(200);
  }
  await page.getByTestId('header-person-name').filter({ hasText: who.name }).waitFor();
  return who;
}
