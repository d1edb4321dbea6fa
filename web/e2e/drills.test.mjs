// 应急演练 in a real browser: the bureau reads the drill board (the school has no drill this month:
// its monthly drill is 待完成); the school's safety officer, on a phone, finds the task on the home
// page, records the month's drill (a refused field first, then the time the evacuation took, a
// problem), sees the findings on the record, raises the problem as a hazard and follows the link
// both ways; the records list as cards and as a table with its export; back at the bureau, the
// board counts the school as done, exports the failing schools and judges again; a teacher reads
// but does not record, a department liaison sees nothing of it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
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
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
/** Today in China (the server's calendar day), YYYY-MM-DD, and its month (2026-12). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const month = today.slice(0, 7)
const SCHOOL = '示范区双桥小学'
const COMMANDER = '黄丽华（端到端）'
const PROBLEM = '综合楼二楼东侧楼梯口堆放课桌椅（端到端）'
/** The 待完成 and 达标 counts of drill.monthly on the board before the school records its drill. */
let before_ = null
let drillId
let hazardId

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // What the demo leaves: 示范区双桥小学 has no drill this month, so its monthly drill is due.
  const api = await apiSession(server, 'school1_safety')
  const r = await api(`/api/v1/rule-findings?rule=drill.monthly&school_id=21&period=${month}`)
  assert.equal(r.status, 200, await r.clone().text())
  const { items } = await r.json()
  assert.equal(items.length, 1, `one drill.monthly finding for ${month}`)
  assert.equal(items[0].outcome, 'due', `the demo leaves ${SCHOOL} without a drill in ${month}`)
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}


/** The error shown under a field. */
function fieldError(page, field) {
  return page.locator('.el-form-item', { has: page.locator(byTest(field)) }).last().locator('.el-form-item__error')
}

/** A count of a rule's row on the board (达标 pass, 待完成 due …). */
async function boardCount(page, rule, key) {
  const text = await page.locator(`${byTest(`board-row-${rule}`)} ${byTest(`count-${key}`)} ${byTest('count-value')}`).innerText()
  return Number(text.trim())
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 4000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

describe('drills', () => {
  it('the bureau opens 演练看板 from the menu: the school’s monthly drill is still due', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    // The home page sums the board up and leads to it.
    await page.waitForSelector(byTest('home-drill-drill.monthly'))
    assert.match(await page.locator(`${byTest('home-drill-drill.monthly')} ${byTest('home-drill-numbers')}`).innerText(), /待完成 \d+ 所/)
    const menu = await menuItems(page)
    for (const item of ['drills', 'drill-new', 'drill-board']) assert.ok(menu.includes(item), menu.join())
    await page.click(byTest('menu-drill-board'))
    await page.waitForURL(/\/drills\/board$/)
    await page.waitForSelector(byTest('board-row-drill.monthly'))
    assert.equal(await page.inputValue(`${byTest('board-date')} input`), today)
    const row = await page.locator(byTest('board-row-drill.monthly')).innerText()
    assert.match(row, new RegExp(`周期：${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`))
    assert.match(row, /学校 40 所/)
    before_ = { due: await boardCount(page, 'drill.monthly', 'due'), pass: await boardCount(page, 'drill.monthly', 'pass') }
    assert.ok(before_.due >= 1, JSON.stringify(before_))
    // Among the due schools, with the engine's reason.
    await page.click(byTest('board-rule'))
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '每个教学月应急疏散演练' }).first().click()
    const due = page.locator(`${byTest('failing')} .el-table__row`, { hasText: SCHOOL })
    assert.match(await due.innerText(), /待完成/)
    assert.match(await due.innerText(), /已记录 0 次/)
    assert.ok(await page.$(byTest('board-evaluate')), 'the safety office judges again')
    await screenshot(page, 'drill-board-desktop')
    await expectAccessible(page, 'the drill board')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a school safety officer records the month’s drill on a phone and sees its findings', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    // The task on the home page, with the way to record.
    const task = page.locator(`${byTest('home-drills')} ${byTest('finding-drill.monthly')}`)
    await task.waitFor()
    assert.match(await task.innerText(), /待完成/)
    await expectNoSidewaysScroll(page, 'the home page with the drill task at 375 px')
    await page.click(byTest('home-drill-record'))
    await page.waitForURL(/\/drills\/new$/)
    await page.waitForSelector(byTest('drill-form'))
    // The school is the user's own and fixed; the drill is today's.
    assert.equal(await page.inputValue(byTest('field-school_id')), SCHOOL)
    assert.ok(await page.$(`${byTest('field-school_id')}[disabled]`))
    assert.equal(await page.inputValue(`${byTest('field-date')} input`), today)

    // Nothing filled in: the form says what is missing before sending.
    await page.click(byTest('save'))
    await fieldError(page, 'field-commander').waitFor()
    assert.equal((await fieldError(page, 'field-commander').innerText()).trim(), '请填写总指挥')

    await page.fill(byTest('field-start_time'), '09:55')
    await choose(page, 'field-building_id', '综合楼（3 层）')
    await page.fill(byTest('field-commander'), COMMANDER)
    await page.fill(`${byTest('field-students')} input`, '1120')
    await page.keyboard.press('Tab')
    await page.fill(`${byTest('field-staff')} input`, '86')
    await page.keyboard.press('Tab')
    await page.fill(byTest('field-signal_time'), '10:00:00')
    // An hour and a half: the server refuses it, and says so at the field.
    await page.fill(byTest('field-all_out_time'), '11:30:00')
    await page.click(byTest('add-problem'))
    await page.fill(byTest('field-problem-0'), PROBLEM)
    await page.fill(byTest('field-actions'), '已清理楼梯口，每周巡查')
    await page.click(byTest('save'))
    await fieldError(page, 'field-all_out_time').waitFor()
    assert.match(await fieldError(page, 'field-all_out_time').innerText(), /小时|分钟|3600|60/)
    await expectAccessible(page, 'the drill form with a refused field at 375 px')

    await page.fill(byTest('field-all_out_time'), '10:01:45')
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent.trim() === '用时 105 秒（1 分 45 秒）',
      byTest('evacuation-seconds'),
    )
    await expectNoSidewaysScroll(page, 'the drill form at 375 px')
    await tallScreenshot(page, 'drill-form-375')
    await expectAccessible(page, 'the drill form at 375 px')

    await page.click(byTest('save'))
    await page.waitForURL(/\/drills\/\d+$/)
    drillId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.waitForSelector(byTest('drill-info'))
    const info = await page.locator(byTest('drill-info')).innerText()
    assert.match(info, new RegExp(COMMANDER.replace(/[()（）]/g, '.')))
    assert.match(info, /综合楼（3 层）/)
    assert.match(info, /学生 1120 人，教职工 86 人/)
    assert.match(await page.locator(byTest('drill-seconds')).innerText(), /用时 105 秒/)
    // The findings: this month's drill is done, with the rule's and the values' versions.
    const monthly = page.locator(`${byTest('findings')} ${byTest('finding-drill.monthly')}`)
    assert.match(await monthly.locator(byTest('finding-outcome')).innerText(), /达标/)
    assert.match(await monthly.locator(byTest('finding-period')).innerText(), /\d{4}年\d{1,2}月/)
    assert.match(await monthly.locator(byTest('finding-reason')).innerText(), new RegExp(today))
    assert.equal(await monthly.locator(byTest('finding-version')).innerText(), '规则第 1 版 · 参数第 0 版（默认值）')
    // This drill's own evacuation time, first.
    const own = page.locator(`${byTest('findings')} li`).first()
    assert.equal(await own.getAttribute('data-test'), 'finding-drill.time')
    assert.match(await own.innerText(), /本次演练/)
    assert.match(await page.locator(byTest('problem-0')).innerText(), new RegExp(PROBLEM.replace(/[()（）]/g, '.')))
    await expectNoSidewaysScroll(page, 'the drill at 375 px')
    await tallScreenshot(page, 'drill-detail-375')
    await expectAccessible(page, 'the drill at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('raises the problem as a hazard and follows the links both ways', async () => {
    assert.ok(drillId, 'the drill was recorded')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/drills/${drillId}`)
    await page.waitForSelector(byTest('drill-info'))
    await page.click(`${byTest('problem-0')} ${byTest('problem-raise')}`)
    await page.waitForSelector(`${byTest('raise-dialog')} ${byTest('raise-problem')}`)
    assert.equal((await page.locator(byTest('raise-problem')).innerText()).trim(), PROBLEM)
    await choose(page, 'raise-domain', '消防安全')
    await expectAccessible(page, 'the raise dialog at 375 px')
    await page.click(byTest('raise-confirm'))
    const link = page.locator(`${byTest('problem-0')} ${byTest('problem-hazard')}`)
    await link.waitFor()
    hazardId = Number((await link.innerText()).replace(/\D+/g, ''))
    assert.ok(hazardId > 0)
    // A record whose problem became a hazard stays.
    assert.ok(await page.$(`${byTest('delete')}[disabled], ${byTest('delete')}.is-disabled`))
    await expectAccessible(page, 'the drill with a raised problem at 375 px')

    await link.click()
    await page.waitForURL(new RegExp(`/hazards/${hazardId}$`))
    await page.waitForSelector(byTest('hazard-info'))
    assert.equal((await page.locator(byTest('hazard-title')).innerText()).trim(), PROBLEM)
    const hazardInfo = await page.locator(byTest('hazard-info')).innerText()
    assert.match(hazardInfo, /演练发现/)
    assert.match(hazardInfo, /消防安全/)
    assert.equal((await page.locator(byTest('hazard-origin')).innerText()).trim(), '演练记录')
    await expectNoSidewaysScroll(page, 'the hazard raised from a drill at 375 px')
    await expectAccessible(page, 'the hazard raised from a drill at 375 px')
    await page.click(byTest('hazard-origin'))
    await page.waitForURL(new RegExp(`/drills/${drillId}$`))
    await page.waitForSelector(byTest('drill-info'))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('lists the drill: cards on a phone, a table with its export on a desk', async () => {
    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, 'school1_safety')
    await phone.page.goto(`${server.url}/drills`)
    const card = phone.page.locator(byTest(`drill-${drillId}`))
    await card.waitFor()
    assert.match(await card.innerText(), new RegExp(`${today} 消防疏散演练`))
    assert.match(await card.innerText(), /用时|105 秒/)
    assert.equal(await phone.page.locator(byTest('table')).count(), 0, 'no table on a phone')
    await expectNoSidewaysScroll(phone.page, 'the drill records at 375 px')
    await screenshot(phone.page, 'drills-375')
    await expectAccessible(phone.page, 'the drill records at 375 px')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/drills`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    const first = page.locator(`${byTest('table')} .el-table__body .el-table__row`).first()
    assert.match(await first.innerText(), new RegExp(today))
    assert.match(await first.innerText(), /105 秒/)
    assert.match(await first.innerText(), /已转隐患 1 个/)
    assert.ok(await page.$(byTest('add')), 'the safety officer records drills')
    assert.equal(await page.locator(byTest('search-school_id')).count(), 0, 'a school has no school filter')
    await screenshot(page, 'drills-desktop')
    await expectAccessible(page, 'the drill records')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    const file = join(resultsDir, 'drills-export.xlsx')
    await download.saveAs(file)
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(SCHOOL), 'the export holds the school’s drills')
    assert.ok(sheet.includes(COMMANDER), 'and the new one')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('back at the bureau, the board counts the school as done; export and 重新判定', async () => {
    assert.ok(before_, 'the board was read before')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/drills/board`)
    await page.waitForSelector(byTest('board-row-drill.monthly'))
    assert.equal(await boardCount(page, 'drill.monthly', 'due'), before_.due - 1)
    assert.equal(await boardCount(page, 'drill.monthly', 'pass'), before_.pass + 1)
    await page.click(byTest('board-rule'))
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '每个教学月应急疏散演练' }).first().click()
    await page.waitForSelector(`${byTest('failing')} .el-table__row`)
    assert.equal(await page.locator(`${byTest('failing')} .el-table__row`, { hasText: SCHOOL }).count(), 0)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('board-export'))])
    const file = join(resultsDir, 'drill-findings-export.xlsx')
    await download.saveAs(file)
    const sheet = xlsxText(file)
    assert.ok(sheet.includes('drill.monthly') || sheet.includes('每个教学月'), 'the export holds the drill findings')
    assert.ok(sheet.includes('待完成'), 'the failing and due ones')

    await page.click(byTest('board-evaluate'))
    await page.click(byTest('confirm-ok'))
    await page.locator('.el-message--success', { hasText: /已重新判定 \d+ 所学校/ }).waitFor()
    await page.waitForSelector(byTest('board-row-drill.monthly'))
    assert.equal(await boardCount(page, 'drill.monthly', 'due'), before_.due - 1)
    await expectAccessible(page, 'the drill board after judging again')

    // The drill list of the district, filtered from the board's link to a school.
    await page.goto(`${server.url}/drills?school_id=21`)
    await page.waitForSelector(`${byTest('table')} .el-table__row`)
    assert.ok(await page.$(byTest('search-school_id')), 'the bureau filters by school')
    const schools = await page.$$eval(`${byTest('table')} .el-table__body .el-table__row`, (rows) => rows.map((r) => r.children[1].textContent.trim()))
    assert.ok(schools.length > 0 && schools.every((s) => s === SCHOOL), schools.join())
    assert.deepEqual(errors, [])
    await context.close()

    // The board on a phone does not scroll sideways.
    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, 'safety_office')
    await phone.page.goto(`${server.url}/drills/board`)
    await phone.page.waitForSelector(`${byTest('failing')} li`)
    await phone.page.waitForTimeout(300)
    await expectNoSidewaysScroll(phone.page, 'the drill board at 375 px')
    await tallScreenshot(phone.page, 'drill-board-375')
    await expectAccessible(phone.page, 'the drill board at 375 px')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  })

  it('a teacher reads the drills but does not record; a department liaison sees none of it', async () => {
    const { page, context } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_teacher')
    const menu = await menuItems(page)
    assert.ok(menu.includes('drills'), menu.join())
    assert.ok(!menu.includes('drill-new') && !menu.includes('drill-board'), menu.join())
    await page.goto(`${server.url}/drills/${drillId}`)
    await page.waitForSelector(byTest('drill-info'))
    assert.equal(await page.locator(byTest('edit')).count(), 0)
    assert.equal(await page.locator(byTest('problem-raise')).count(), 0)
    await page.goto(`${server.url}/drills/new`)
    await page.waitForSelector(byTest('forbidden'))
    await context.close()

    const liaison = await newPage(browser, DESKTOP)
    await login(liaison.page, server, 'dept1_liaison')
    assert.ok(!(await menuItems(liaison.page)).some((m) => m.startsWith('drill')))
    await liaison.page.goto(`${server.url}/drills`)
    await liaison.page.waitForSelector(byTest('forbidden'))
    await liaison.context.close()
  })
})
