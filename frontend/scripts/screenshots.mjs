// Takes screenshots of the built UI (served by `vite preview`, running the
// in-memory bridge) at 1366x768 with headless Chromium, for a visual check.
// Usage: node scripts/screenshots.mjs [baseURL] [outDir]
import { chromium } from 'playwright-core'

const base = process.argv[2] ?? 'http://localhost:4173'
const out = process.argv[3] ?? 'screenshots'
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
page.on('pageerror', (e) => console.error('pageerror:', e.message))
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()))
const shot = async (name) => {
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${out}/${name}.png` })
  console.log('saved', name)
}

// A fresh folder: the profile gate, then the empty state.
await page.goto(`${base}/`)
await page.getByTestId('profile-create').waitFor()
await shot('01-gate-create')
await page.getByTestId('profile-name').fill('Test')
await page.getByTestId('profile-department').fill('Dept')
await page.getByTestId('profile-roles').click()
await page.locator('.n-base-select-option').first().click()
await page.keyboard.press('Escape')
await page.getByTestId('profile-passphrase').fill('correct horse')
await page.getByTestId('profile-passphrase-confirm').fill('correct horse')
await page.getByTestId('profile-create').click()
await page.getByTestId('empty-state').waitFor()
await shot('02-empty-state')

// The sample portfolio.
await page.goto(`${base}/?sample#/dossiers`)
await page.getByTestId('dossier-row').first().waitFor()
await shot('03-list')
await page.getByTestId('dossier-new').click()
await page.getByTestId('dossier-create-form').waitFor()
await page.getByTestId('dossier-mode-emergency').click()
await page.getByTestId('content-add').click()
await shot('04-create-form')
await page.getByTestId('dossier-save').click()
await shot('05-create-errors')
await page.getByTestId('dossier-cancel').click()
await page.getByTestId('filter-stage').click()
await page.locator('.n-base-select-option', { hasText: '准备' }).click()
await page.getByTestId('dossier-row').first().click()
await page.getByTestId('dossier-page').waitFor()
await shot('06-dossier-info')
await page.getByTestId('tab-checklist').click()
await shot('07-dossier-checklist')
await page.getByTestId('stage-advance').click()
await page.getByTestId('stage-advance-confirm').click()
await shot('08-advance-error')
await page.keyboard.press('Escape')
await page.getByTestId('tab-history').click()
await shot('09-dossier-history')
await page.getByTestId('nav-systems').click()
await shot('10-systems')
await page.getByTestId('nav-template').click()
await shot('11-template')
await page.getByText('新系统上线发布流程').click()
await shot('12-template-flow')
await page.getByTestId('nav-profile').click()
await shot('13-profile')
await page.getByTestId('lang-switch').click()
await page.getByTestId('nav-dossiers').click()
await page.getByTestId('dossier-row').first().waitFor()
await shot('14-list-en')
await page.goto(`${base}/?busy`)
await page.getByTestId('folder-busy').waitFor()
await shot('15-busy')
await browser.close()
