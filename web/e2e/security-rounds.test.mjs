// 筛查轮次 (逐校筛查) in a real browser. The bureau's safety office finds 筛查轮次 in the menu and
// deploys a round over the whole district (the form's own reasons first, then the round's page,
// nobody screened yet). The school's safety officer, on a phone, finds 安防筛查待完成 on the home
// page for the demo's open round (2026年秋季…逐校筛查; the round just deployed when the demo has
// none), reads what screening now would give (the demo school is a guard short: 专职保安 未达标),
// writes a note per indicator with a photo for 专职保安, submits after the confirm and sees the
// snapshot with the hazard raised for 专职保安, whose page names its origin 四个100%筛查. The safety
// office then reads the round: one school more screened and counted in the rates, the school's row
// with its indicators and hazard; exports the round as .xlsx; and reads it at 375 px as cards,
// without sideways scrolling.
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
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
let tmp
let photo
/** Today in China (the server's calendar day), and two weeks on. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const later = new Date(Date.now() + 8 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10)
const SCHOOL = '示范区双桥小学'
const NAME = '冬季四个100%逐校筛查（端到端）'
const INDICATORS = ['guards', 'closed_campus', 'alarm_video', 'gate_duty']
let schoolId
/** The round the school is screened in: the demo's open one, else the one deployed here. */
let roundId
/** The round as the bureau read it before the school was screened. */
let before_
let deployedId
let screened = false

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-rounds-'))
  photo = join(tmp, 'gate.png')
  writeFileSync(photo, png([40, 120, 200]))
  const school = await apiSession(server, 'school1_safety')
  const me = await (await school('/api/v1/auth/me')).json()
  assert.equal(me.unit.name, SCHOOL)
  schoolId = me.unit.id
  const office = await apiSession(server, 'safety_office')
  const r = await office('/api/v1/security/rounds')
  assert.equal(r.status, 200, await r.clone().text())
  const list = await r.json()
  assert.equal(list.can_open, true, 'the safety office may open a round')
  const demo = list.items.find((x) => x.window === 'open' && x.name.includes('逐校筛查'))
  if (demo) roundId = demo.id
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 4000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

/** The round as the bureau reads it over the API. */
async function roundOf(id) {
  const office = await apiSession(server, 'safety_office')
  const r = await office(`/api/v1/security/rounds/${id}`)
  assert.equal(r.status, 200, await r.clone().text())
  return r.json()
}

describe('筛查轮次', () => {
  it('the safety office deploys a round over the district', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('security-rounds'), 'the menu has 筛查轮次')
    await page.click(byTest('menu-security-rounds'))
    await page.waitForURL(/\/security\/rounds$/)
    await page.waitForSelector(`${byTest('table')} tbody tr`)
    if (roundId) {
      const row = page.locator(`${byTest('table')} tbody tr`, { has: page.locator(byTest(`round-${roundId}`)) })
      assert.equal((await row.locator(byTest('round-window')).innerText()).trim(), '进行中')
    }
    await page.click(byTest('add'))
    const dialog = page.locator(byTest('round-open-dialog'))
    await dialog.waitFor()
    // Nothing filled: the form says what is missing beside each field.
    await page.click(byTest('round-open-save'))
    await dialog.locator('.el-form-item__error', { hasText: '请填写名称' }).waitFor()
    await dialog.locator('.el-form-item__error', { hasText: '请选择筛查时间' }).waitFor()
    await page.fill(byTest('open-name'), NAME)
    const inputs = page.locator(`${byTest('open-period')} input`)
    await inputs.nth(0).fill(today)
    await inputs.nth(1).fill(later)
    await inputs.nth(1).press('Enter')
    await page.click(`${byTest('round-open-dialog')} .intro`) // closes the picker
    assert.equal(await page.locator(`${byTest('open-scope-all')} input`).isChecked(), true, 'every school by default')
    await expectAccessible(page, 'the deploy-round dialog')
    await page.click(byTest('round-open-save'))
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForURL(/\/security\/rounds\/\d+$/)
    deployedId = Number(new URL(page.url()).pathname.split('/').pop())
    assert.equal((await page.locator(byTest('round-name')).innerText()).trim(), NAME)
    assert.equal((await page.locator(byTest('round-window')).innerText()).trim(), '进行中')
    assert.equal((await page.locator(byTest('round-period')).innerText()).trim(), `${today} 至 ${later}`)
    assert.match(await page.locator(byTest('round-screened')).innerText(), /^0 \/ \d+ 所$/)
    await page.locator(byTest(`round-school-${schoolId}`)).waitFor()
    await screenshot(page, 'security-round-deployed')
    assert.deepEqual(errors, [])
    await context.close()
    roundId ??= deployedId
    before_ = await roundOf(roundId)
    const row = before_.rows.find((x) => x.school_id === schoolId)
    assert.ok(row, 'the school is in the round')
    assert.equal(row.screened, false, 'the school is not screened yet')
  })

  it('the school’s safety officer screens the school on a phone', async () => {
    assert.ok(before_, 'the round was read')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    // The home page: 安防筛查待完成, the round linking to the school's screening.
    await page.locator(byTest('home-rounds')).waitFor()
    await expectNoSidewaysScroll(page, 'the home page with the screening to do at 375 px')
    await page.click(byTest(`home-round-${roundId}`))
    await page.waitForURL(new RegExp(`/security/rounds/${roundId}/schools/${schoolId}$`))
    await page.waitForSelector(byTest('screen-form'))
    assert.equal((await page.locator(byTest('screen-school')).innerText()).trim(), SCHOOL)
    // What screening now would give: a guard short.
    assert.equal((await page.locator(`${byTest('current-guards')} ${byTest('current-state')}`).innerText()).trim(), '未达标')
    assert.match(await page.locator(`${byTest('current-guards')} ${byTest('current-reason')}`).first().innerText(), /专职保安|保安/)
    assert.equal(await page.locator(byTest('screen-edit-record')).getAttribute('href'), `/security/schools/${schoolId}`)
    // Submitted empty: each block asks a note or a photo.
    await page.click(byTest('screen-submit'))
    await page.locator(`${byTest('block-gate_duty')} .el-form-item__error`, { hasText: '请填写说明或上传照片' }).waitFor()
    await expectNoSidewaysScroll(page, 'the screening form at 375 px')
    await expectAccessible(page, 'the screening form with its reasons at 375 px')
    const notes = {
      guards: '现有专职保安 1 名，缺 1 名（端到端）',
      closed_campus: '围墙完整，门禁和来访登记正常（端到端）',
      alarm_video: '一键报警已联网，监控覆盖校门和教学区（端到端）',
      gate_duty: '上学放学高峰均有护学岗（端到端）',
    }
    for (const k of INDICATORS) await page.fill(byTest(`note-${k}`), notes[k])
    await page.setInputFiles(byTest('photo-input-guards'), photo)
    await page.waitForSelector(`${byTest('photos-guards')} ${byTest('photo-thumb')} img`)
    await tallScreenshot(page, 'security-screening-form-375')
    await page.click(byTest('screen-submit'))
    await page.click(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
    await page.locator('.el-message--success', { hasText: '筛查已提交' }).waitFor()
    await page.waitForSelector(byTest('screen-result'))
    screened = true
    assert.match(await page.locator(byTest('screen-done')).innerText(), /school1_safety/)
    assert.match(await page.locator(byTest('result-guards')).innerText(), /专职保安：未达标/)
    assert.match(await page.locator(byTest('result-all')).innerText(), /四个100%：未达标/)
    assert.equal(await page.locator(byTest('screen-form')).count(), 0, 'screened once: no form')
    // The snapshot: each note, the photo, and the hazard for 专职保安.
    for (const k of INDICATORS) assert.equal((await page.locator(`${byTest(`evidence-${k}`)} ${byTest('evidence-note')}`).innerText()).trim(), notes[k])
    assert.equal(await page.locator(`${byTest('evidence-guards')} ${byTest('evidence-photo')}`).count(), 1)
    const hazard = page.locator(byTest('screen-hazard-guards')).first()
    await hazard.waitFor()
    const link = hazard.locator('a')
    const href = await link.getAttribute('href')
    assert.match(href, /^\/hazards\/\d+$/)
    assert.ok((await hazard.locator(byTest('hazard-state')).innerText()).trim().length > 0, 'the hazard’s state is shown')
    await expectNoSidewaysScroll(page, 'the screening snapshot at 375 px')
    await tallScreenshot(page, 'security-screening-done-375')
    await expectAccessible(page, 'the screening snapshot at 375 px')
    // The hazard names its origin.
    await link.click()
    await page.waitForURL(new RegExp(`${href}$`))
    await page.waitForSelector(byTest('hazard-origin'))
    assert.equal((await page.locator(byTest('hazard-origin')).innerText()).trim(), '四个100%筛查')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the safety office sees the round’s rates change, exports it and reads it on a phone', async () => {
    assert.ok(screened, 'the school was screened')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/security/rounds/${roundId}`)
    await page.waitForSelector(byTest('round-rates'))
    assert.equal((await page.locator(byTest('round-screened')).innerText()).trim(), `${before_.screened + 1} / ${before_.schools} 所`)
    const count = await page.locator(`${byTest('rate-all')} ${byTest('rate-count')}`).innerText()
    assert.equal(count.trim(), `${before_.rates.all.compliant} / ${before_.rates.all.screened + 1} 所达标`, 'the school counts, not meeting all four')
    const guards = await page.locator(`${byTest('rate-guards')} ${byTest('rate-count')}`).innerText()
    assert.equal(guards.trim(), `${before_.rates.guards.compliant} / ${before_.rates.guards.screened + 1} 所达标`)
    const row = page.locator(`${byTest('round-rows')} tbody tr`, { has: page.locator(byTest(`round-school-${schoolId}`)) })
    assert.match(await row.locator(byTest('row-screened')).innerText(), /school1_safety/)
    assert.equal((await row.locator(byTest('row-guards')).innerText()).trim(), '未达标')
    assert.ok((await row.locator('a[data-test^="row-hazard-"]').count()) >= 1, 'the hazard is linked')
    assert.match(await row.locator(byTest('row-reasons')).innerText(), /保安/)
    await screenshot(page, 'security-round-desktop')
    await expectAccessible(page, 'a screening round')

    // The export.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('round-export'))])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const file = join(resultsDir, 'security-round-export.xlsx')
    await download.saveAs(file)
    const text = xlsxText(file)
    assert.ok(text.includes('专职保安') || text.includes(SCHOOL), 'the export holds the round')

    // The list: the round's rate follows.
    await page.click(byTest('menu-security-rounds'))
    await page.waitForURL(/\/security\/rounds$/)
    const listed = page.locator(`${byTest('table')} tbody tr`, { has: page.locator(byTest(`round-${roundId}`)) })
    await listed.waitFor()
    assert.equal((await listed.locator(byTest('round-screened')).innerText()).trim(), `${before_.screened + 1} / ${before_.schools} 所`)
    assert.deepEqual(errors, [])
    await context.close()

    // The round on a phone: cards, no sideways scrolling.
    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, 'safety_office')
    await phone.page.goto(`${server.url}/security/rounds/${roundId}`)
    await phone.page.waitForSelector(byTest(`round-row-${schoolId}`))
    assert.equal(await phone.page.locator(`.el-table${byTest('round-rows')}`).count(), 0, 'cards, not a table, on a phone')
    assert.match(await phone.page.locator(`${byTest(`round-row-${schoolId}`)} ${byTest('row-guards')}`).innerText(), /专职保安：未达标/)
    await expectNoSidewaysScroll(phone.page, 'a screening round at 375 px')
    await tallScreenshot(phone.page, 'security-round-375')
    await expectAccessible(phone.page, 'a screening round at 375 px')
    // The board's trend by round lists it.
    await phone.page.goto(`${server.url}/security/board`)
    await phone.page.waitForSelector(byTest('board-rounds'))
    await phone.page.locator(`${byTest('rounds-table')} ${byTest('round-name')}`).first().waitFor()
    await expectNoSidewaysScroll(phone.page, 'the board with its rounds at 375 px')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  })
})
