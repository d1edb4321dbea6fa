// 日常巡查 in a real browser. The school's safety officer plans a daily patrol of the canteen from
// the shipped 食堂消防与燃气安全检查表, every day (not only school days); prints its QR code; then,
// on a phone, opens what the code opens (/patrol/place/{id}), is told what is missing, answers
// every item with one failure and its photo, submits, raises the failed item as a hazard and
// follows the link to it. At a desk the schedule shows today's slot 已巡查 with its record, the
// records list shows the failure (and exports), and the plan, having a patrol, cannot be deleted:
// the page offers its end date instead. A teacher sees the patrols but plans none.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DESKTOP,
  PHONE,
  apiSession,
  byTest,
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  login,
  menuItems,
  newPage,
  png,
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser
let tmp
let photo
/** Today in China (the server's calendar day). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const SCHOOL = '示范区双桥小学'
const TEMPLATE = '食堂消防与燃气安全检查表'
const PATROLLER = '食堂值班员（端到端）'
/** The canteen of the school (a key place of kind canteen). */
let canteen
let planId
let recordId
let hazardId

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-patrols-'))
  photo = join(tmp, 'hose.png')
  writeFileSync(photo, png([180, 60, 30]))
  const api = await apiSession(server, 'school1_safety')
  const me = await (await api('/api/v1/auth/me')).json()
  assert.equal(me.unit.name, SCHOOL)
  const school = await (await api(`/api/v1/schools/${me.unit.id}`)).json()
  canteen = school.key_places.find((p) => p.kind === 'canteen')
  assert.ok(canteen, JSON.stringify(school.key_places))
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 4000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

describe('patrols', () => {
  it('the safety officer plans a daily patrol of the canteen and prints its QR code', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    const menu = await menuItems(page)
    for (const item of ['patrols', 'patrol-plans', 'patrol-records']) assert.ok(menu.includes(item), menu.join())
    await page.click(byTest('menu-patrol-plans'))
    await page.waitForURL(/\/patrols\/plans$/)
    await page.waitForSelector(`${byTest('table')} .el-table__row`) // the demo's canteen plan
    await page.click(byTest('add'))
    const dialog = page.locator(byTest('patrol-plan-dialog'))
    await dialog.waitFor()
    // The school is the user's own and fixed.
    assert.equal(await page.inputValue(byTest('plan-school_id')), SCHOOL)
    // Nothing chosen: the form says what is missing before sending.
    await page.click(byTest('plan-save'))
    await dialog.locator('.el-form-item__error', { hasText: '请选择重点部位' }).waitFor()

    await choose(page, 'plan-key_place_id', canteen.name)
    await choose(page, 'plan-template_id', TEMPLATE)
    await page.waitForFunction((sel) => /此部位检查 \d+ 项/.test(document.querySelector(sel)?.textContent ?? ''), byTest('plan-item-count'))
    // Per shift: two times to start from; a time out of order is refused at its field.
    await page.click(`${byTest('plan-frequency-shift')}`)
    await page.waitForSelector(byTest('plan-shift-1'))
    await page.fill(byTest('plan-shift-1'), '08:00')
    await page.click(byTest('plan-save'))
    await page.waitForSelector(byTest('plan-shift-error-1'))
    assert.equal((await page.locator(byTest('plan-shift-error-1')).innerText()).trim(), '须晚于上一个班次')
    await expectAccessible(page, 'the patrol plan dialog with a refused shift')
    // Back to daily; every day, the holidays included.
    await page.click(`${byTest('plan-frequency-daily')}`)
    await page.click(byTest('plan-school_days_only'))
    await page.fill(byTest('plan-patroller'), PATROLLER)
    await page.click(byTest('plan-save'))
    await dialog.waitFor({ state: 'hidden' })

    const api = await apiSession(server, 'school1_safety')
    const plans = await (await api(`/api/v1/patrol-plans?key_place_id=${canteen.id}`)).json()
    const mine = plans.items.find((p) => p.patroller === PATROLLER)
    assert.ok(mine, JSON.stringify(plans.items))
    assert.equal(mine.frequency, 'daily')
    assert.equal(mine.school_days_only, false)
    assert.equal(mine.starts_on, today)
    planId = mine.id
    const row = page.locator(byTest(`plan-${planId}`))
    await row.waitFor()
    await screenshot(page, 'patrol-plans-desktop')
    await expectAccessible(page, 'the patrol plans')

    // Its QR code: what the phone opens, with the school's and the place's names under it.
    await row.locator(byTest('row-qr')).click()
    await page.waitForURL(new RegExp(`/patrols/qr\\?plan_id=${planId}$`))
    const code = page.locator(`${byTest(`qr-${canteen.id}`)}`)
    await code.locator(byTest('qr-image')).waitFor()
    assert.match(await code.locator(byTest('qr-image')).getAttribute('src'), /^data:image\/svg\+xml/)
    assert.equal(await code.locator(byTest('qr-image')).getAttribute('alt'), `${canteen.name}的巡查二维码`)
    assert.ok(await code.locator(byTest('qr-image')).evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR image renders')
    const label = await code.innerText()
    assert.match(label, new RegExp(SCHOOL))
    assert.match(label, new RegExp(canteen.name))
    await screenshot(page, 'patrol-qr-desktop')
    await expectAccessible(page, 'the QR codes')
    // Printed, the console's frame and the page's controls are left out.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.el-aside').isVisible(), false)
    assert.equal(await page.locator(byTest('qr-print')).isVisible(), false)
    assert.equal(await code.locator(byTest('qr-image')).isVisible(), true)
    await page.emulateMedia({ media: 'screen' })
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('on a phone, the QR code’s page takes the patrol: one failure with its photo, raised as a hazard', async () => {
    assert.ok(planId, 'the plan was made')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/patrol/place/${canteen.id}`)
    await page.waitForSelector(byTest('place-name'))
    assert.equal((await page.locator(byTest('place-name')).innerText()).trim(), canteen.name)
    assert.match(await page.locator(byTest('place-school')).innerText(), new RegExp(SCHOOL))
    // The demo's canteen plan and ours run today: choose ours.
    assert.match(await page.locator(byTest(`place-slot-${planId}-0`)).innerText(), /待巡查/)
    await page.click(byTest(`place-plan-${planId}`))
    const form = page.locator(byTest('patrol-fill'))
    await form.waitFor()
    const keys = (await form.locator('li[data-test^="item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))).map((t) =>
      t.slice('item-'.length),
    )
    assert.ok(keys.length >= 2, keys.join())
    const failed = keys[0]

    // Submitted unanswered: each item says so, and the summary above the button.
    await page.click(byTest('fill-submit'))
    await page.waitForSelector(byTest('fill-errors'))
    assert.match(await page.locator(byTest('fill-errors')).innerText(), new RegExp(`第 1 项 ${failed}：请选择检查结果`))
    await expectAccessible(page, 'the patrol form with its problems at 375 px')

    // The first item fails, with a note and a photo; the others pass.
    await page.click(byTest(`answer-${failed}-fail`))
    await page.fill(byTest(`answer-${failed}-note`), '燃气软管老化开裂（端到端）')
    await page.setInputFiles(byTest(`photo-input-${failed}`), photo)
    await page.waitForSelector(`${byTest(`item-${failed}`)} ${byTest('photo-thumb')} img`)
    for (const key of keys.slice(1)) await page.click(byTest(`answer-${key}-pass`))
    assert.match(await page.locator(byTest('fill-progress')).innerText(), new RegExp(`已填 ${keys.length} / ${keys.length} 项`))
    await page.waitForSelector(byTest('fill-errors'), { state: 'detached' })
    await expectNoSidewaysScroll(page, 'the patrol form at 375 px')
    await tallScreenshot(page, 'patrol-place-375')
    await expectAccessible(page, 'the patrol form at 375 px')
    await page.click(byTest('fill-submit'))
    await page.waitForURL(/\/patrols\/records\/\d+$/)
    recordId = Number(new URL(page.url()).pathname.split('/').pop())

    // The record: one item failed, with its photo; 转为隐患 on it only.
    await page.waitForSelector(byTest('record-info'))
    assert.equal((await page.locator(byTest('record-failed')).innerText()).trim(), '1 项不合格')
    assert.match(await page.locator(byTest('record-when')).innerText(), new RegExp(today))
    const answer = page.locator(byTest(`answer-${failed}`))
    assert.equal((await answer.locator(byTest('answer-verdict')).innerText()).trim(), '不合格')
    assert.match(await answer.locator(byTest('answer-note')).innerText(), /燃气软管老化开裂/)
    await answer.locator(`${byTest('answer-photo')} img`).waitFor()
    assert.equal(await page.locator(`${byTest(`answer-${keys[1]}`)} ${byTest('answer-raise')}`).count(), 0)
    await expectNoSidewaysScroll(page, 'the patrol record at 375 px')
    await tallScreenshot(page, 'patrol-record-375')
    await expectAccessible(page, 'the patrol record at 375 px')

    // Raised as a hazard: domain and level as the item suggests.
    await answer.locator(byTest('answer-raise')).click()
    const dialog = page.locator(byTest('patrol-raise-dialog'))
    await dialog.locator(byTest('raise-item')).waitFor()
    assert.match(await dialog.locator(byTest('raise-item')).innerText(), new RegExp(failed))
    // The item's domain is chosen already (its label shows, not the placeholder).
    assert.doesNotMatch(await dialog.locator(byTest('raise-domain')).innerText(), /请选择/)
    assert.equal(await dialog.locator(`${byTest('raise-level-major')} input`).isChecked(), true) // 重大隐患, as the item suggests
    await expectAccessible(page, 'the raise dialog at 375 px')
    await page.click(byTest('raise-confirm'))
    await dialog.waitFor({ state: 'hidden' })
    const link = answer.locator(byTest('answer-hazard'))
    await link.waitFor()
    hazardId = Number((await link.innerText()).replace(/\D+/g, ''))
    assert.ok(hazardId > 0)
    assert.equal(await answer.locator(byTest('answer-raise')).count(), 0)
    await link.click()
    await page.waitForURL(new RegExp(`/hazards/${hazardId}$`))
    await page.waitForSelector(byTest('hazard-info'))
    assert.match(await page.locator(byTest('hazard-title')).innerText(), new RegExp(canteen.name))
    await page.waitForSelector(byTest('hazard-file')) // the item's photo, copied
    // The hazard leads back to the patrol it was raised from.
    assert.equal((await page.locator(byTest('hazard-origin')).innerText()).trim(), '巡查记录')
    assert.equal(await page.locator(byTest('hazard-origin')).getAttribute('href'), `/patrols/records/${recordId}`)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the schedule shows today’s patrol 已巡查 with its record; the records list its failure', async () => {
    assert.ok(recordId, 'the patrol was recorded')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    // The home card counts the patrols still to do and leads to them.
    await page.waitForSelector(byTest('home-patrols'))
    await page.click(byTest('menu-patrols'))
    await page.waitForURL(/\/patrols$/)
    const slot = page.locator('.el-table__row', { has: page.locator(byTest(`slot-${planId}-${today}-0`)) })
    await slot.waitFor()
    assert.equal((await slot.locator(byTest('row-state')).innerText()).trim(), '已巡查')
    assert.equal(await slot.locator(byTest('slot-record')).getAttribute('href'), `/patrols/records/${recordId}`)
    await screenshot(page, 'patrols-desktop')
    await expectAccessible(page, 'the patrol schedule')
    // Filtered to 漏巡: the red tags only.
    await page.click(byTest('search-state'))
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '漏巡' }).first().click()
    await page.click(byTest('search'))
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
    const states = await page.locator(`${byTest('table')} ${byTest('row-state')}`).allInnerTexts()
    assert.ok(states.every((s) => s.trim() === '漏巡'), states.join())

    await page.goto(`${server.url}/patrols/records?failed=true`)
    const row = page.locator('.el-table__row', { has: page.locator(`a[href="/patrols/records/${recordId}"]`) })
    await row.waitFor()
    assert.equal((await row.locator(byTest('row-failed')).innerText()).trim(), '1 项不合格')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    await expectAccessible(page, 'the patrol records')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a plan with patrols is not deleted: its end date is offered instead', async () => {
    assert.ok(recordId, 'the patrol was recorded')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/patrols/plans`)
    const row = page.locator(byTest(`plan-${planId}`))
    await row.waitFor()
    await row.locator(byTest('row-delete')).click()
    await page.click(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
    const box = page.locator(byTest('confirm-box'), { hasText: '设置结束日期' })
    await box.waitFor()
    await expectAccessible(page, 'the has-records notice')
    await box.locator(byTest('confirm-ok')).click()
    const dialog = page.locator(byTest('patrol-plan-dialog'))
    await dialog.waitFor()
    await page.fill(`${byTest('plan-ends_on')} input`, today)
    await page.keyboard.press('Enter')
    await page.click(byTest('plan-save'))
    await dialog.waitFor({ state: 'hidden' })
    const api = await apiSession(server, 'school1_safety')
    const plan = await (await api(`/api/v1/patrol-plans/${planId}`)).json()
    assert.equal(plan.ends_on, today)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a teacher sees the patrols and records them, but plans none', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await login(page, server, 'school1_teacher')
    await page.goto(`${server.url}/patrols/plans`)
    await page.waitForSelector(byTest('plan-cards'))
    assert.equal(await page.locator(byTest('add')).count(), 0)
    assert.equal(await page.locator(byTest('row-edit')).count(), 0)
    await expectNoSidewaysScroll(page, 'the patrol plans at 375 px')
    await context.close()
  })
})
