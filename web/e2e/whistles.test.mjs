// 吹哨报到 in a real browser. The bureau's safety office first reads 示范区交警大队's numbers on
// 部门统计. The school's safety officer, on a phone, blows the whistle on a traffic problem at the
// gate (一般) and sees it 待报到, routed to 示范区交警大队; the traffic police's liaison, at a desk,
// finds it on the home card, opens it, reports in (报到) and reports the result (反馈结果) with a
// note and a photo; the school, on its phone, sees the photo on the result's step of the history,
// confirms it (确认办结) and it is 已办结, then turns it into a hazard of its own
// (转为本校隐患) and follows the 关联隐患 link; the bureau reads 部门统计 again and finds the
// department's 收到 and 已办结 each one higher than before, and exports the table. The school,
// reminded on the home card, files this month's 定期报告 and sees it 已报送.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DESKTOP,
  PHONE,
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
const DEPARTMENT = '示范区交警大队'
const TITLE = `校门口缺少人行横道（端到端 ${Date.now() % 100000}）`
/** The whistle raised by the school. */
let whistleId
/** 示范区交警大队's 收到 and 已办结 before the flow. */
let before0
let tmp
/** The photo the department attaches to its result. */
let photo

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-whistle-'))
  photo = join(tmp, 'crossing.png')
  writeFileSync(photo, png([240, 240, 240]))
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

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** The department's 收到 and 已办结 on 部门统计 (0 when it has no row yet). */
async function departmentNumbers(page) {
  await page.waitForSelector(byTest('stats-period'))
  await settled(page)
  const row = page.locator(`${byTest('stats-table')} .el-table__body tbody tr`, { hasText: DEPARTMENT })
  if ((await row.count()) === 0) return { received: 0, closed: 0 }
  const num = async (key) => Number((await row.first().locator(byTest(`stat-${key}`)).innerText()).trim())
  return { received: await num('received'), closed: await num('closed') }
}

/** Waits until the history's photos are loaded (read with the user's own session), and counts them. */
async function timelinePhotos(page) {
  const selector = `${byTest('timeline')} ${byTest('event-file')} img`
  await page.waitForSelector(selector)
  await page.waitForFunction((s) => [...document.querySelectorAll(s)].every((img) => img.complete && img.naturalWidth > 0), selector)
  return page.locator(selector).count()
}

/** Opens the step's dialog, writes the note if given, and confirms it. */
async function step(page, action, note) {
  await page.click(byTest(`action-${action}`))
  await page.waitForSelector(`${byTest('action-dialog')}:visible`)
  if (note) await page.fill(byTest('field-note'), note)
  await page.click(byTest('action-submit'))
  await page.waitForSelector(byTest('action-dialog'), { state: 'hidden' })
}

describe('吹哨报到', () => {
  it('the bureau reads 部门统计 before', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const menu = await menuItems(page)
    for (const item of ['whistles', 'whistle-stats', 'whistle-routes']) assert.ok(menu.includes(item), menu.join())
    await page.click(byTest('menu-whistle-stats'))
    await page.waitForURL(/\/whistles\/stats$/)
    before0 = await departmentNumbers(page)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the school blows the whistle on a phone: 待报到, routed to the traffic police', async () => {
    assert.ok(before0, 'the numbers before were read')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/whistles`)
    await page.waitForSelector(byTest('whistle-cards'))
    await settled(page)
    await expectNoSidewaysScroll(page, 'the whistles at 375 px')
    await expectAccessible(page, 'the whistles at 375 px')

    await page.click(byTest('add'))
    await page.waitForSelector(`${byTest('raise-dialog')}:visible`)
    await page.click(byTest('field-category'))
    await page.click(`${byTest('category-traffic')}:visible`)
    await page.click(`${byTest('place-around')}`)
    await page.fill(byTest('field-location'), '校门外解放路')
    await page.click(byTest('severity-general'))
    await page.fill(byTest('field-title'), TITLE)
    await page.fill(byTest('field-description'), '放学时学生横穿解放路，车流量大')
    await expectNoSidewaysScroll(page, 'the raise form at 375 px')
    await expectAccessible(page, 'the raise form at 375 px')
    await page.click(byTest('raise-submit'))
    await page.waitForURL(/\/whistles\/\d+$/)
    whistleId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.waitForSelector(byTest('assignments'))
    await settled(page)
    assert.equal((await page.locator(byTest('whistle-title')).innerText()).trim(), TITLE)
    assert.equal((await page.locator(byTest('whistle-state')).innerText()).trim(), '待报到')
    const departments = await page.locator(byTest('assignment-department')).allInnerTexts()
    assert.ok(departments.map((d) => d.trim()).includes(DEPARTMENT), departments.join())
    const assignment = page.locator('li[data-test^="assignment-"]', { hasText: DEPARTMENT })
    assert.equal((await assignment.locator(byTest('assignment-state')).innerText()).trim(), '待报到')
    assert.match(await assignment.locator(byTest('assignment-ack-due')).innerText(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // The school has nothing to do while the department reports in.
    assert.equal(await page.locator(byTest('action-confirm')).count(), 0)
    await expectNoSidewaysScroll(page, 'the whistle at 375 px')
    await tallScreenshot(page, 'whistle-detail-375')
    await expectAccessible(page, 'the whistle at 375 px')

    // Back on the list, its card.
    await page.goto(`${server.url}/whistles`)
    await page.waitForSelector(byTest(`whistle-${whistleId}`))
    assert.match(await page.locator(byTest(`whistle-${whistleId}`)).innerText(), /待报到/)
    await tallScreenshot(page, 'whistles-375')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the traffic police’s liaison finds it at home, reports in and answers with the result', async () => {
    assert.ok(whistleId, 'the whistle was raised')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'dept2_liaison')
    const menu = await menuItems(page)
    assert.ok(menu.includes('whistles'), menu.join())
    assert.ok(!menu.includes('whistle-routes'), menu.join())
    assert.ok(!menu.includes('whistle-stats'), menu.join())
    await page.waitForSelector(byTest('home-whistle'))
    assert.match(await page.locator(byTest('home-whistle-todo')).innerText(), /待我处理 \d+ 件/)
    const item = page.locator(byTest(`home-whistle-${whistleId}`))
    await item.waitFor()
    assert.match(await item.innerText(), /待报到/)
    await expectAccessible(page, 'the home page with the whistle card')
    await item.locator(byTest('home-whistle-item')).click()
    await page.waitForURL(new RegExp(`/whistles/${whistleId}$`))
    await page.waitForSelector(byTest('actions'))
    await settled(page)
    assert.ok(await page.$(byTest('action-acknowledge')), 'the department reports in')
    await screenshot(page, 'whistle-detail-desktop')
    await expectAccessible(page, 'the whistle, for the department')

    await step(page, 'acknowledge')
    const assignment = page.locator('li[data-test^="assignment-"]', { hasText: DEPARTMENT })
    await page.waitForFunction(() => !document.querySelector('[data-test="action-acknowledge"]'))
    assert.equal((await assignment.locator(byTest('assignment-state')).innerText()).trim(), '已报到')

    // The result: a note is required.
    await page.click(byTest('action-result'))
    await page.waitForSelector(`${byTest('action-dialog')}:visible`)
    await expectAccessible(page, 'the result dialog')
    await page.click(byTest('action-submit'))
    await page.locator('.el-form-item__error', { hasText: '请填写说明' }).waitFor()
    await page.fill(byTest('field-note'), '已协调路政施划人行横道并设置减速标志')
    // A photo of the new crossing, uploaded at once and sent with the result.
    await page.locator(`${byTest('action-dialog')} ${byTest('photo-input')}`).setInputFiles(photo)
    await page.waitForSelector(`${byTest('action-dialog')} ${byTest('photo-thumb')} img`)
    await expectAccessible(page, 'the result dialog with a photo')
    await page.click(byTest('action-submit'))
    await page.waitForSelector(byTest('action-dialog'), { state: 'hidden' })
    await page.waitForFunction(() => document.querySelector('[data-test="whistle-state"]')?.textContent.trim() === '待学校确认')
    assert.equal((await assignment.locator(byTest('assignment-state')).innerText()).trim(), '已反馈结果')
    const notes = await page.locator(byTest('event-note')).allInnerTexts()
    assert.ok(notes.some((n) => n.includes('已协调路政施划人行横道')), notes.join())
    assert.equal(await timelinePhotos(page), 1)
    const resultStep = page.locator(byTest('timeline-item'), { has: page.locator(byTest('event-file')) })
    assert.match(await resultStep.innerText(), /反馈结果/)

    // The list of the department: the whistle among its own.
    await page.goto(`${server.url}/whistles`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    await settled(page)
    assert.ok((await page.locator(byTest('row-link')).allInnerTexts()).includes(TITLE))
    await screenshot(page, 'whistles-desktop')
    await expectAccessible(page, 'the whistles, for the department')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the school confirms it: 已办结', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/whistles/${whistleId}`)
    await page.waitForSelector(byTest('action-confirm'))
    await settled(page)
    assert.equal((await page.locator(byTest('whistle-state')).innerText()).trim(), '待学校确认')
    assert.ok(await page.$(byTest('action-send_back')), 'the school may send it back')
    // The department's photo on the result's step, read by the school; it opens large.
    assert.equal(await timelinePhotos(page), 1)
    const resultStep = page.locator(byTest('timeline-item'), { has: page.locator(byTest('event-file')) })
    assert.match(await resultStep.innerText(), /反馈结果/)
    assert.match(await resultStep.innerText(), /已协调路政施划人行横道/)
    await expectNoSidewaysScroll(page, 'the answered whistle with its photo at 375 px')
    await expectAccessible(page, 'the answered whistle with its photo at 375 px')
    await tallScreenshot(page, 'whistle-answered-375')
    await page.locator(`${byTest('timeline')} ${byTest('event-file')}`).click()
    await page.waitForSelector('.el-image-viewer__wrapper')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.el-image-viewer__wrapper', { state: 'detached' })
    await step(page, 'confirm')
    await page.waitForFunction(() => document.querySelector('[data-test="whistle-state"]')?.textContent.trim() === '已办结')
    // Only 转为本校隐患 is left to the school.
    assert.deepEqual(await page.locator(`${byTest('actions')} button`).evaluateAll((bs) => bs.map((b) => b.dataset.test)), ['to-hazard'])
    await expectNoSidewaysScroll(page, 'the closed whistle at 375 px')
    await expectAccessible(page, 'the closed whistle at 375 px')

    // 转为本校隐患 with the server's defaults: the whistle links its hazard.
    await page.click(byTest('to-hazard'))
    await page.waitForSelector(`${byTest('hazard-dialog')}:visible`)
    await page.click(byTest('hazard-submit'))
    await page.waitForSelector(byTest('hazard-dialog'), { state: 'hidden' })
    const link = page.locator(byTest('whistle-hazard'))
    await link.waitFor()
    assert.match((await link.innerText()).trim(), /^隐患 #\d+$/)
    assert.equal(await page.locator(byTest('to-hazard')).count(), 0)
    await link.click()
    await page.waitForURL(/\/hazards\/\d+$/)
    await page.waitForSelector(byTest('hazard-origin'))
    assert.equal((await page.locator(byTest('hazard-origin')).innerText()).trim(), `吹哨事项 #${whistleId}`)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau finds the department’s 收到 and 已办结 one higher, and exports', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/whistles/stats`)
    const after0 = await departmentNumbers(page)
    assert.equal(after0.received, before0.received + 1, `收到 ${before0.received} → ${after0.received}`)
    assert.equal(after0.closed, before0.closed + 1, `已办结 ${before0.closed} → ${after0.closed}`)
    await screenshot(page, 'whistle-stats-desktop')
    await expectAccessible(page, 'the whistle statistics')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('stats-export'))])
    assert.match(download.suggestedFilename(), /\.xlsx$/)

    await page.click(byTest('menu-whistle-routes'))
    await page.waitForURL(/\/whistles\/routes$/)
    await page.waitForSelector(byTest('route-traffic'))
    await settled(page)
    await expectAccessible(page, 'the routing table')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the school, reminded at home, files this month’s 定期报告: 已报送', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    const menu = await menuItems(page)
    assert.ok(menu.includes('whistle-reports') && !menu.includes('whistle-report-board'), menu.join())
    await page.waitForSelector(byTest('home-whistle-report'))
    await page.click(byTest('home-whistle-report-link'))
    await page.waitForURL(/\/whistles\/reports$/)
    await page.waitForSelector(byTest('report-state'))
    assert.equal((await page.locator(byTest('report-state')).innerText()).trim(), '未报送')
    await page.click(byTest('report-file'))
    await page.waitForSelector(`${byTest('report-dialog')}:visible`)
    await page.fill(byTest('report-note'), '端到端测试报送')
    await expectAccessible(page, 'the report dialog')
    await page.click(byTest('report-submit'))
    await page.waitForSelector(byTest('report-dialog'), { state: 'hidden' })
    await page.waitForFunction(() => document.querySelector('[data-test="report-state"]')?.textContent.trim() === '已报送')
    await screenshot(page, 'whistle-reports-desktop')
    await expectAccessible(page, 'the periodic reports')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
