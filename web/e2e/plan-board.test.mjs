// 规范落实年看板 in a real browser: the bureau opens the plan board from the home page and the menu
// and sees the 8 actions and 21 measures (those without rules say 暂无规则), measure 13's rules with
// the schools by outcome, and the month trend; it opens the schools failing measure 13, then a
// school's finding and the drill record behind it. The school's safety officer, on a phone,
// records this month's drill with a photo; back at the bureau, measure 13 counts one school fewer
// failing, the school is off its list, and the drill shows its photo. At 375 px the board does not
// scroll sideways.
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
const COMMANDER = '周建国（看板端到端）'
/** Measure 13 on the board before the school records its drill: schools failing and judged. */
let before13
/** A due finding of measure 13 resting on a drill record: the school and the drill. */
let withEvidence
let drillId

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-plan-'))
  photo = join(tmp, 'drill.png')
  writeFileSync(photo, png([30, 120, 200]))
  const api = await apiSession(server, 'safety_office')
  const board = await (await api('/api/v1/plan-board')).json()
  const m13 = board.actions.flatMap((a) => a.measures).find((m) => m.number === 13)
  before13 = { failing: m13.schools_failing, judged: m13.schools_judged }
  assert.ok(before13.failing > 0, JSON.stringify(before13))
  // The demo leaves schools with one night drill of the two a year: due, resting on that drill.
  const night = m13.school_rules.find((r) => r.rule_id === 'drill.night_boarding')
  for (const period of night.periods) {
    const r = await api(`/api/v1/rule-findings?rule=drill.night_boarding&period=${period}&outcome=due&page_size=100`)
    const f = (await r.json()).items.find((x) => x.evidence.length > 0)
    if (f) withEvidence = f
  }
  assert.ok(withEvidence, 'a due night drill finding with its record')
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** The measure 13 line: 未达标或待完成 38 所 / 已判定 40 所. */
async function failingText(page, n) {
  return (await page.locator(`${byTest(`plan-measure-${n}`)} ${byTest('measure-failing')}`).innerText()).trim()
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 6000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

describe('the plan board', () => {
  it('the bureau sees the 21 measures, measure 13’s rules, the trend, and follows a finding to its drill', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('plan-board'))
    await page.click(byTest('home-plan-board-link'))
    await page.waitForURL(/\/plan-board$/)
    await page.waitForSelector(byTest('plan-measure-21'))
    assert.equal(await page.inputValue(`${byTest('plan-date')} input`), today)
    assert.equal(await page.locator('[data-test^="plan-action-"]').count(), 8)
    const numbers = await page.$$eval('[data-test^="plan-measure-"]', (els) => els.map((e) => Number(e.dataset.test.slice('plan-measure-'.length))))
    assert.deepEqual(numbers, Array.from({ length: 21 }, (_, i) => i + 1))
    // Measures no rule serves yet say so; 1 (duty lists), 3 (the district's work), 5 (the whistle),
    // 8 (the hazard ledger's record rules), 13 (drills), 15 (the traffic guide), 20 (1530) and 21
    // (safety education) have rules.
    for (const n of [12]) {
      assert.equal((await page.locator(`${byTest(`plan-measure-${n}`)} ${byTest('measure-no-rules')}`).innerText()).trim(), '暂无规则')
    }
    assert.equal(await page.locator(`${byTest('plan-measure-1')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.equal(await page.locator(`${byTest('plan-measure-3')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.equal(await page.locator(`${byTest('plan-measure-8')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.equal(await page.locator(`${byTest('plan-measure-5')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.equal(await page.locator(`${byTest('plan-measure-15')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.equal(await page.locator(`${byTest('plan-measure-20')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.equal(await page.locator(`${byTest('plan-measure-21')} ${byTest('measure-no-rules')}`).count(), 0)
    assert.match(await page.locator(`${byTest('plan-measure-8')} ${byTest('measure-record-rules')}`).innerText(), /重大隐患一律挂牌督办/)
    assert.equal(await failingText(page, 13), `未达标或待完成 ${before13.failing} 所 / 已判定 ${before13.judged} 所`)
    const monthly = page.locator(`${byTest('plan-measure-13')} ${byTest('plan-rule-drill.monthly')}`)
    assert.match(await monthly.innerText(), /达标率\s*\d+(\.\d)?%/)
    assert.match(await monthly.locator(byTest('count-due')).innerText(), /待完成\s*\d+/)

    // The month trend: a chart of this year, named from its data for screen readers.
    const chart = page.locator(`${byTest('trend-chart')} [role="img"]`)
    await page.waitForSelector(`${byTest('trend-chart')} canvas`)
    assert.equal(await page.locator(byTest('trend-unavailable')).count(), 0)
    await page.waitForFunction((sel) => (document.querySelector(sel)?.getAttribute('aria-label') ?? '').includes('措施 13'), `${byTest('trend-chart')} [role="img"]`)
    assert.match(await chart.getAttribute('aria-label'), new RegExp(`${today.slice(0, 4)}年各措施`))
    await page.click(byTest('trend-share'))
    await page.waitForFunction((sel) => (document.querySelector(sel)?.getAttribute('aria-label') ?? '').includes('未达标占比'), `${byTest('trend-chart')} [role="img"]`)
    await screenshot(page, 'plan-board-desktop')
    await expectAccessible(page, 'the plan board')

    // Measure 13 → the schools failing it, the school among them (its monthly drill is due).
    await page.click(`${byTest('plan-measure-13')} ${byTest('measure-open')}`)
    await page.waitForURL(/\/plan-board\?measure=13$/)
    const list = page.locator(byTest('measure-findings-13'))
    await list.locator(`${byTest('findings-table')} .el-table__row`).first().waitFor()
    // All on one page.
    await list.locator(byTest('page-size')).click()
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '100 条/页' }).click()
    const own = list.locator('.el-table__row', { hasText: SCHOOL })
    assert.match(await own.first().innerText(), /每个教学月应急疏散演练[\s\S]*待完成[\s\S]*已记录 0 次/)
    await expectAccessible(page, 'the plan board with measure 13 open')

    // A school's finding → the drill it rests on.
    const row = list.locator('.el-table__row', { hasText: withEvidence.school_name }).filter({ hasText: '夜间' })
    await row.first().locator(byTest('finding-open')).click()
    const dialog = page.locator(`${byTest('finding-dialog')}`)
    await dialog.locator(byTest('finding-record')).first().waitFor()
    assert.equal((await dialog.locator(byTest('record-school')).innerText()).trim(), withEvidence.school_name)
    assert.equal((await dialog.locator(byTest('record-reason')).innerText()).trim(), withEvidence.reason)
    // The record's line fills in once its drill is read ("记录 193" until then).
    const record = dialog.locator(byTest('finding-record')).first()
    await record.filter({ hasText: /\d{4}-\d{2}-\d{2} .*演练/ }).waitFor()
    assert.match(await record.innerText(), /\d{4}-\d{2}-\d{2} .*演练/)
    await expectAccessible(page, 'the finding’s records')
    await dialog.locator(byTest('finding-record')).first().click()
    await page.waitForURL(new RegExp(`/drills/${withEvidence.evidence[0]}$`))
    await page.waitForSelector(byTest('drill-info'))
    assert.match(await page.locator(byTest('drill-info')).innerText(), new RegExp(withEvidence.school_name))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a school safety officer records this month’s drill with a photo on a phone', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/drills/new`)
    await page.waitForSelector(byTest('drill-form'))
    const input = page.locator(byTest('photo-input'))
    assert.equal(await input.getAttribute('accept'), 'image/*')
    assert.equal(await input.getAttribute('capture'), 'environment')
    await page.fill(byTest('field-commander'), COMMANDER)
    await page.fill(`${byTest('field-students')} input`, '980')
    await page.keyboard.press('Tab')
    await page.fill(`${byTest('field-staff')} input`, '70')
    await page.keyboard.press('Tab')
    await page.fill(byTest('field-signal_time'), '14:00:00')
    await page.fill(byTest('field-all_out_time'), '14:02:10')
    await input.setInputFiles(photo)
    await page.waitForSelector(`${byTest('drill-photos')} ${byTest('photo-thumb')} img`)
    await expectNoSidewaysScroll(page, 'the drill form with a photo at 375 px')
    await expectAccessible(page, 'the drill form with a photo at 375 px')
    await page.click(byTest('save'))
    await page.waitForURL(/\/drills\/\d+$/)
    drillId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.waitForSelector(byTest('drill-info'))
    const files = page.locator(byTest('drill-file'))
    assert.equal(await files.count(), 1)
    assert.equal(await files.first().getAttribute('aria-label'), '查看照片 drill.png')
    const monthly = page.locator(`${byTest('findings')} ${byTest('finding-drill.monthly')}`)
    assert.match(await monthly.locator(byTest('finding-outcome')).innerText(), /达标/)
    await expectNoSidewaysScroll(page, 'the drill with its photo at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('back at the bureau, measure 13 counts one school fewer failing and the drill shows its photo', async () => {
    assert.ok(drillId, 'the drill was recorded')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/plan-board?measure=13`)
    await page.waitForSelector(byTest('plan-measure-13'))
    assert.equal(await failingText(page, 13), `未达标或待完成 ${before13.failing - 1} 所 / 已判定 ${before13.judged} 所`)
    const list = page.locator(byTest('measure-findings-13'))
    await list.locator(byTest('findings-count')).waitFor()
    assert.match(await list.locator(byTest('findings-count')).innerText(), /共 \d+ 条/)
    await list.locator(byTest('page-size')).click()
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '100 条/页' }).click()
    await page.waitForTimeout(200)
    assert.equal(await list.locator('.el-table__row', { hasText: SCHOOL }).count(), 0, 'the school is off the list')

    // The drill with its photo, opening the large view.
    await page.goto(`${server.url}/drills/${drillId}`)
    await page.waitForSelector(byTest('drill-info'))
    const thumb = page.locator(byTest('drill-file'))
    assert.equal(await thumb.count(), 1)
    await page.waitForFunction(
      (sel) => {
        const img = document.querySelector(sel)
        return img && img.complete && img.naturalWidth === 32
      },
      `${byTest('drill-file')} img`,
    )
    await thumb.click()
    await page.waitForSelector('.el-image-viewer__wrapper img')
    await page.keyboard.press('Escape')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('fits a phone: no sideways scroll at 375 px, the failing list as cards', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/plan-board`)
    await page.waitForSelector(byTest('plan-measure-21'))
    await page.waitForSelector(`${byTest('trend-chart')} canvas`)
    await expectNoSidewaysScroll(page, 'the plan board at 375 px')
    await page.click(`${byTest('plan-measure-13')} ${byTest('measure-open')}`)
    await page.waitForSelector(`${byTest('findings-cards')} li`)
    assert.equal(await page.locator(byTest('findings-table')).count(), 0, 'no table on a phone')
    await expectNoSidewaysScroll(page, 'the plan board with measure 13 open at 375 px')
    await tallScreenshot(page, 'plan-board-375')
    await expectAccessible(page, 'the plan board at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
