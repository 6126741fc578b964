// scripts/fixture-screens.mjs — screenshots of GoLive's main views rendered
// by the real frontend over the recorded backend answers
// (frontend/src/test/fixtures), in Debian's Chromium at 1366x768.
// Runs `vite` (the frontend's dev server) on a free loopback port, opens
// each view with ?fixtures, and writes build/screens/<name>.png; stops the
// server when done. `make screens` runs it. Nothing here is a test: it is
// for looking at what specs assert, the way a person sees it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRONTEND = path.join(ROOT, 'frontend');
const OUT = path.join(ROOT, 'build/screens');
const require = createRequire(path.join(ROOT, 'e2e/package.json'));
const { chromium } = require('playwright-core');

const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FRONTEND, 'src/test/fixtures', `${name}.json`), 'utf8'));
/** The dossier a fixture file holds, and the role (other than the project manager) it was recorded for. */
const dossierOf = (name) => {
  const gets = fixture(name).filter((r) => r.call === 'DossierAPI.Get');
  return [gets[0].args[0], (gets.find((r) => r.viewer !== 'project_manager') ?? gets[0]).viewer];
};

const [countersign, director] = dossierOf('dossier-upgrade-countersign');
const [executing, operator] = dossierOf('dossier-upgrade-executing');
/** The review meeting the PMO opened (app/fixtures_meeting_test.go). */
const meetingId = fixture('meeting').find((r) => r.call === 'MeetingAPI.Create' && !r.error).result.id;
const VIEWS = [
  ['01-first-start', '?fixtures&start', '/'],
  ['02-dossier-list', '?fixtures', '/dossiers'],
  ['03-dossier-approval-director', `?fixtures&as=${director}`, `/dossiers/${countersign}?tab=approval`],
  ['04-dossier-execution-operator', `?fixtures&as=${operator}`, `/dossiers/${executing}?tab=execution`],
  ['05-inbox-director', '?fixtures&as=biz_apps_director', '/inbox'],
  ['06-calendar-pmo', '?fixtures&as=pmo', '/calendar'],
  ['07-systems', '?fixtures', '/systems'],
  ['08-template', '?fixtures', '/template'],
  ['09-profile', '?fixtures', '/profile'],
  ['10-verify', '?fixtures', '/verify'],
  ['11-dashboard-pmo', '?fixtures&as=pmo', '/dashboard'],
  ['12-meeting-pmo', '?fixtures&as=pmo', `/meetings/${meetingId}`],
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const vite = spawn(path.join(FRONTEND, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
  cwd: FRONTEND,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = `http://127.0.0.1:${port}/`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 120) throw new Error('vite did not start');
    await sleep(250);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const misses = [];
  // The default window (1280×760) and a large screen, as issue 12 asks.
  for (const [width, height] of [[1280, 760], [1920, 1080]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('console', (m) => {
      if (m.type() === 'error') misses.push(m.text());
    });
    for (const [name, query, route] of VIEWS) {
      await page.goto(`${base}${query}#${route}`);
      await page.waitForLoadState('networkidle');
      await sleep(800);
      // A view wider than the window would scroll sideways: that is a cut-off.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const file = path.join(OUT, `${name}-${width}x${height}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}${wide > 0 ? `  (scrolls sideways by ${wide}px)` : ''}`);
    }
    await page.close();
  }
  await browser.close();
  if (misses.length) console.log(`console errors:\n  ${misses.join('\n  ')}`);
} finally {
  vite.kill('SIGTERM');
}
