// 演练计划 and 年度计划 in a real browser. The bureau plans a drill for 示范区双桥小学 a few days
// ahead (a refused field first); the school's safety officer, on a phone, finds it on the home page
// (本周待办), records the drill from it — the form filled in from the plan, dated today — and sees
// the drill say 来自演练计划 and the plan done and linked to the drill; the bureau sees it done,
// exports the plans and follows the home page's overdue count. Then the year's plan: the bureau
// exports the shipped plan, imports its own (a refused row listed in the dialog first, then the
// exported spreadsheet, then an edited CSV with its own title), sees 本局计划 and the plan board
// following it, the school sees the bureau's plan, and the bureau restores the shipped plan.
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
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
let tmp
/** Today in China (the server's calendar day), and a day three days ahead (within the week). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const ahead = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10)
const year = Number(today.slice(0, 4))
const SCHOOL = '示范区双桥小学'
const SCHOOL_ID = 21
const PLAN_TITLE = '冬季消防疏散演练（计划端到端）'
const COMMANDER = '黄丽华（计划端到端）'
const YEAR_TITLE = `示范区${year}年学校安全工作计划（端到端）`
/** The plan the bureau makes, and the drill recorded from it. */
let planId
let drillId
/** The name of safety_office's bureau. */
let bureauName

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-plans-'))
  const api = await apiSession(server, 'safety_office')
  bureauName = (await (await api('/api/v1/auth/me')).json()).unit.name
  // A plan cannot be made for a day already past.
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  const r = await api('/api/v1/drill-plans', {
    method: 'POST',
    body: JSON.stringify({ school_id: SCHOOL_ID, kind: 'fire', title: '昨天的计划', date: yesterday, commander: '某人' }),
  })
  assert.equal(r.status, 422, await r.clone().text())
  assert.ok((await r.json()).error.details.some((d) => d.field === 'date'))
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

/** The error shown under a field. */
function fieldError(page, field) {
  return page.locator('.el-form-item', { has: page.locator(byTest(field)) }).last().locator('.el-form-item__error')
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 6000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

const escape = (s) => s.replace(/[()（）]/g, '.')

describe('drill plans', () => {
  it('the bureau plans a drill for the school three days ahead', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('drill-plans'))
    await page.click(byTest('menu-drill-plans'))
    await page.waitForURL(/\/drills\/plans$/)
    await page.waitForSelector(byTest('table'))
    assert.ok(await page.$(byTest('search-school_id')), 'the bureau filters by school')

    await page.click(byTest('add'))
    await page.waitForSelector(`${byTest('plan-dialog')}:visible`)
    // Nothing chosen: the dialog says what is missing before sending.
    await page.click(byTest('plan-save'))
    await fieldError(page, 'plan-commander').waitFor()
    assert.equal((await fieldError(page, 'plan-commander').innerText()).trim(), '请填写总指挥')
    await expectAccessible(page, 'the new plan dialog with its errors')

    await choose(page, 'plan-school_id', SCHOOL)
    await page.fill(byTest('plan-title'), PLAN_TITLE)
    await page.fill(`${byTest('plan-date')} input`, ahead)
    await page.keyboard.press('Enter')
    assert.equal(await page.inputValue(`${byTest('plan-date')} input`), ahead)
    await page.fill(byTest('plan-start_time'), '10:00')
    await page.fill(byTest('plan-commander'), COMMANDER)
    await page.fill(byTest('plan-note'), '提前一天通知各班主任')
    await page.click(byTest('plan-save'))
    await page.waitForSelector(byTest('plan-dialog'), { state: 'hidden' })

    const row = page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: PLAN_TITLE }).first()
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(`${ahead} 10:00`))
    assert.match(await row.innerText(), new RegExp(SCHOOL))
    assert.equal((await row.locator(byTest('row-status')).innerText()).trim(), '本周待办')
    const api = await apiSession(server, 'safety_office')
    const found = await (await api(`/api/v1/drill-plans?school_id=${SCHOOL_ID}&q=${encodeURIComponent(PLAN_TITLE)}`)).json()
    assert.equal(found.items.length, 1, JSON.stringify(found))
    planId = found.items[0].id
    assert.equal(found.items[0].status, 'due')
    await screenshot(page, 'drill-plans-desktop')
    await expectAccessible(page, 'the drill plans')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the school’s safety officer finds it on the home page at 375 px and records the drill from it', async () => {
    assert.ok(planId, 'the plan was made')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    const task = page.locator(`${byTest('home-drill-plans')} ${byTest(`home-plan-${planId}`)}`)
    await task.waitFor()
    assert.equal((await task.locator(byTest('home-plan-title')).innerText()).trim(), PLAN_TITLE)
    assert.equal((await task.locator(byTest('home-plan-date')).innerText()).trim(), `${ahead} 10:00`)
    assert.equal((await task.locator(byTest('home-plan-status')).innerText()).trim(), '本周待办')
    await expectNoSidewaysScroll(page, 'the home page with the plan at 375 px')
    await tallScreenshot(page, 'home-drill-plans-375')
    await expectAccessible(page, 'the home page with the plan at 375 px')

    await task.locator(byTest('home-plan-record')).click()
    await page.waitForURL(new RegExp(`/drills/new\\?plan_id=${planId}$`))
    await page.waitForSelector(byTest('drill-form-plan'))
    assert.match(await page.locator(byTest('drill-form-plan')).innerText(), new RegExp(escape(PLAN_TITLE)))
    // Filled in from the plan; the plan is for a later day, the drill is held today.
    assert.equal(await page.inputValue(byTest('field-school_id')), SCHOOL)
    assert.equal(await page.inputValue(byTest('field-commander')), COMMANDER)
    assert.equal(await page.inputValue(byTest('field-title')), PLAN_TITLE)
    assert.equal(await page.inputValue(byTest('field-start_time')), '10:00')
    assert.equal(await page.inputValue(`${byTest('field-date')} input`), today)
    assert.ok(await page.$(byTest('drill-form-plan-later')))

    await page.fill(`${byTest('field-students')} input`, '1120')
    await page.keyboard.press('Tab')
    await page.fill(`${byTest('field-staff')} input`, '86')
    await page.keyboard.press('Tab')
    await page.fill(byTest('field-signal_time'), '10:00:00')
    await page.fill(byTest('field-all_out_time'), '10:01:40')
    await expectNoSidewaysScroll(page, 'the drill form from a plan at 375 px')
    await tallScreenshot(page, 'drill-form-plan-375')
    await expectAccessible(page, 'the drill form from a plan at 375 px')
    await page.click(byTest('save'))
    await page.waitForURL(/\/drills\/\d+$/)
    drillId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.waitForSelector(byTest('drill-info'))
    assert.equal((await page.locator(byTest('drill-from-plan')).innerText()).trim(), '来自演练计划')
    const link = page.locator(byTest('drill-plan-link'))
    await link.waitFor()
    assert.equal((await link.innerText()).trim(), `${ahead} ${PLAN_TITLE}`)
    await expectAccessible(page, 'the drill from a plan at 375 px')

    // The plans: done, linking to the drill.
    await link.click()
    await page.waitForURL(/\/drills\/plans\?/)
    const card = page.locator(byTest(`plan-${planId}`))
    await card.waitFor()
    assert.equal((await card.locator(byTest('row-status')).innerText()).trim(), '已完成')
    assert.equal(await card.locator(byTest('row-record')).count(), 0)
    assert.equal(await card.locator(byTest('row-drill')).getAttribute('href'), `/drills/${drillId}`)
    assert.equal(await page.locator(byTest('table')).count(), 0, 'cards on a phone')
    await expectNoSidewaysScroll(page, 'the drill plans at 375 px')
    await screenshot(page, 'drill-plans-375')
    await expectAccessible(page, 'the drill plans at 375 px')

    // Off the home page's list.
    await page.goto(`${server.url}/home`)
    await page.waitForSelector(byTest('home-drill-plans'))
    assert.equal(await page.locator(byTest(`home-plan-${planId}`)).count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau sees the plan done, exports the plans and follows the overdue count', async () => {
    assert.ok(drillId, 'the drill was recorded')
    const api = await apiSession(server, 'safety_office')
    const plan = await (await api(`/api/v1/drill-plans/${planId}`)).json()
    assert.equal(plan.status, 'done')
    assert.equal(plan.drill_id, drillId)
    const drill = await (await api(`/api/v1/drills/${drillId}`)).json()
    assert.equal(drill.plan_id, planId)
    // Carried out: no longer changed.
    const put = await api(`/api/v1/drill-plans/${planId}`, {
      method: 'PUT',
      body: JSON.stringify({ kind: 'fire', title: '改名', date: ahead, commander: COMMANDER }),
    })
    assert.equal(put.status, 409)
    const refusal = (await put.json()).error
    assert.ok(refusal.details.some((d) => d.field === 'drill_plan.done'), JSON.stringify(refusal))

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const overdue = page.locator(byTest('home-plans-overdue-link'))
    await overdue.waitFor()
    assert.match(await overdue.innerText(), /^已逾期的演练计划 \d+ 项$/)
    await overdue.click()
    await page.waitForURL(/\/drills\/plans\?status=overdue$/)
    await page.waitForSelector(byTest('table'))
    assert.match(await page.locator(byTest('search-status')).innerText(), /已逾期/)
    const statuses = await page.$$eval(`${byTest('table')} ${byTest('row-status')}`, (els) => els.map((e) => e.textContent.trim()))
    assert.ok(statuses.every((s) => s === '已逾期'), statuses.join())

    // Followed from a link with its filters: the district's year of plans is long.
    await page.goto(`${server.url}/drills/plans?status=done&q=${encodeURIComponent(PLAN_TITLE)}`)
    const row = page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: PLAN_TITLE }).first()
    await row.waitFor()
    assert.equal((await row.locator(byTest('row-status')).innerText()).trim(), '已完成')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('export'))])
    assert.equal(download.suggestedFilename(), '演练计划.xlsx')
    const file = join(resultsDir, 'drill-plans-export.xlsx')
    await download.saveAs(file)
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(PLAN_TITLE), 'the export holds the plan')
    assert.ok(sheet.includes('已完成'), 'with its status')
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('the plan for a year', () => {
  /** Two rules that exist, to name in the bureau's own plan. */
  let ruleIds

  before(async () => {
    const api = await apiSession(server, 'safety_office')
    const rules = (await (await api('/api/v1/rules')).json()).items.map((r) => r.id)
    ruleIds = ['drill.monthly', 'hazard.overdue'].filter((id) => rules.includes(id))
    assert.equal(ruleIds.length, 2, rules.join())
  })

  it('the bureau exports the shipped plan, imports its own and sees 本局计划 and the board follow it', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('plan'))
    await page.click(byTest('menu-plan'))
    await page.waitForURL(/\/plan\/year$/)
    await page.waitForSelector(byTest('plan-table'))
    assert.equal((await page.locator(byTest('plan-owner')).innerText()).trim(), '内置计划')
    assert.equal(await page.locator('[data-test^="year-measure-"]').count(), 21)
    assert.equal(await page.locator('[data-test^="year-action-"]').count(), 8)
    assert.match(await page.locator(byTest('year-rules-13')).innerText(), /演练/)
    assert.ok(await page.$(byTest('plan-import')))
    assert.equal(await page.locator(byTest('plan-restore')).count(), 0, 'nothing to restore over the shipped plan')
    await screenshot(page, 'year-plan-desktop')
    await expectAccessible(page, 'the year plan')

    // The export, which is also the template.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('plan-export'))])
    const exported = join(tmp, download.suggestedFilename())
    await download.saveAs(exported)
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const sheet = xlsxText(exported)
    for (const header of ['行动序号', '行动', '措施序号', '措施', '规则编号']) assert.ok(sheet.includes(header), header)
    assert.ok(sheet.includes('drill.monthly'), 'the rules by id')

    // A rule that does not exist: refused, the row listed in the dialog, nothing written.
    const bad = join(tmp, 'bad-plan.csv')
    writeFileSync(bad, ['行动序号,行动,措施序号,措施,规则编号', `1,本局演练行动,1,每月疏散演练,${ruleIds[0]}`, '1,本局演练行动,2,无效规则,drill.no_such_rule'].join('\n'))
    await page.click(byTest('plan-import'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, bad)
    await page.click(byTest('import-start'))
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const refused = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(refused.some((r) => /^3\b/.test(r.trim()) && r.includes('drill.no_such_rule')), refused.join(' | '))
    await expectAccessible(page, 'the plan import with a refused row')

    // The exported spreadsheet itself: the bureau's own plan, the shipped one's copy.
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, exported)
    await page.click(byTest('import-start'))
    await page.locator(byTest('import-summary'), { hasText: '导入完成' }).waitFor()
    await page.locator(byTest('plan-owner'), { hasText: '本局计划' }).waitFor()
    assert.equal(await page.locator('[data-test^="year-measure-"]').count(), 21)

    // An edited plan as CSV, with its own title: two actions, three measures.
    const edited = join(tmp, 'own-plan.csv')
    writeFileSync(
      edited,
      [
        '行动序号,行动,措施序号,措施,规则编号',
        `1,本局应急演练行动,1,每月应急疏散演练,${ruleIds[0]}`,
        '1,,2,演练计划按期落实,',
        `2,本局隐患治理行动,3,隐患按期整改,${ruleIds[1]}`,
      ].join('\n'),
    )
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, edited)
    await page.fill(byTest('plan-import-title'), YEAR_TITLE)
    await page.click(byTest('import-start'))
    await page.locator(byTest('import-summary'), { hasText: '新增 3 条' }).waitFor()
    await page.keyboard.press('Escape')
    await page.locator(byTest('plan-title'), { hasText: YEAR_TITLE }).waitFor()
    assert.equal((await page.locator(byTest('plan-owner')).innerText()).trim(), '本局计划')
    assert.match(await page.locator(byTest('plan-loaded')).innerText(), new RegExp(`^${bureauName} · `))
    assert.equal(await page.locator('[data-test^="year-measure-"]').count(), 3)
    assert.equal((await page.locator(byTest('year-rules-2')).innerText()).trim(), '暂无规则')
    assert.ok(await page.$(byTest(`year-rule-${ruleIds[0]}`)))
    assert.ok(await page.$(byTest('plan-restore')))
    await screenshot(page, 'year-plan-own-desktop')
    await expectAccessible(page, 'the bureau’s own year plan')

    // The board follows it: its title, whose it is, its three measures.
    await page.click(byTest('menu-plan-board'))
    await page.waitForURL(/\/plan-board$/)
    await page.locator(byTest('plan-follows-title'), { hasText: YEAR_TITLE }).waitFor()
    assert.equal((await page.locator(byTest('plan-follows-source')).innerText()).trim(), `${bureauName}导入`)
    await page.waitForSelector(byTest('plan-measure-3'))
    const numbers = await page.$$eval('[data-test^="plan-measure-"]', (els) => els.map((e) => Number(e.dataset.test.slice('plan-measure-'.length))))
    assert.deepEqual(numbers, [1, 2, 3])
    assert.equal(await page.locator('[data-test^="plan-action-"]').count(), 2)
    assert.equal((await page.locator(`${byTest('plan-measure-2')} ${byTest('measure-no-rules')}`).innerText()).trim(), '暂无规则')
    assert.ok(await page.$(`${byTest('plan-measure-1')} ${byTest(`plan-rule-${ruleIds[0]}`)}`), 'measure 1 judges the monthly drill')
    await expectAccessible(page, 'the plan board following the bureau’s plan')
    await page.click(byTest('plan-follows-link'))
    await page.waitForURL(/\/plan\/year$/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the school sees the bureau’s plan on a phone and on its board, with nothing to load', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/plan/year`)
    await page.waitForSelector(byTest('plan-sections'))
    assert.equal((await page.locator(byTest('plan-owner')).innerText()).trim(), `${bureauName}计划`)
    assert.equal((await page.locator(byTest('plan-title')).innerText()).trim(), YEAR_TITLE)
    assert.equal(await page.locator(byTest('plan-import')).count(), 0)
    assert.equal(await page.locator(byTest('plan-restore')).count(), 0)
    await expectNoSidewaysScroll(page, 'the year plan at 375 px')
    await tallScreenshot(page, 'year-plan-375')
    await expectAccessible(page, 'the year plan at 375 px')
    await page.goto(`${server.url}/plan-board`)
    await page.locator(byTest('plan-follows-title'), { hasText: YEAR_TITLE }).waitFor()
    await page.waitForSelector(byTest('plan-measure-3'))
    await expectNoSidewaysScroll(page, 'the plan board of the bureau’s plan at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau restores the shipped plan', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/plan/year`)
    await page.waitForSelector(byTest('plan-restore'))
    await page.click(byTest('plan-restore'))
    await page.click(byTest('confirm-ok'))
    await page.locator(byTest('plan-owner'), { hasText: '内置计划' }).waitFor()
    assert.equal(await page.locator('[data-test^="year-measure-"]').count(), 21)
    assert.equal(await page.locator(byTest('plan-restore')).count(), 0)
    await page.goto(`${server.url}/plan-board`)
    await page.waitForSelector(byTest('plan-measure-21'))
    assert.equal((await page.locator(byTest('plan-follows-source')).innerText()).trim(), '内置计划')
    assert.equal(await page.locator('[data-test^="plan-measure-"]').count(), 21)
    assert.deepEqual(errors, [])
    await context.close()
  })
})
