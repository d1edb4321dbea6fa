// 规则目录 (the rules engine's catalog) in a real browser: the bureau's safety office opens it from
// the menu and sees the hazard ledger's six rules with the values in force (one changed from its
// default on the hazard rules API first, which the catalog shows as a version), edits a hazard
// rule's values in the catalog — district-wide, no unit to pick — and finds them on the hazard
// rules page, filters a measure with no rules yet, and edits a drill rule's values as a new
// version that the findings judged afterwards name; a school safety officer reads it on a phone as
// cards that do not scroll sideways, with the versions read-only; a department liaison neither
// sees nor opens it.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
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
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser

const HAZARD_RULES = ['hazard.deadline', 'hazard.overdue', 'hazard.missed', 'hazard.repeat', 'hazard.rework', 'hazard.major']
const DRILL_RULES = ['drill.fire_semester', 'drill.night_boarding', 'drill.monthly', 'drill.semester_floor', 'drill.school_bus', 'drill.time']
/** Today's month in China (a period key: 2026-12). */
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)
const BUREAU_DAYS = `${byTest('param-hazard.overdue.overdue_bureau_days')}`
const GENERAL_DAYS = `${byTest('param-hazard.deadline.general_days')}`

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // The district shortens the default deadline of a general hazard to 5 days (default 7).
  const api = await apiSession(server, 'safety_office')
  const rules = await (await api('/api/v1/hazard-rules')).json()
  rules.deadlines.general_days = 5
  const r = await api('/api/v1/hazard-rules', { method: 'PUT', body: JSON.stringify(rules) })
  assert.equal(r.status, 200, await r.clone().text())
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

/** The rule ids shown, in order (table cells on a desk, cards on a phone). */
async function shownRules(page) {
  return page.$$eval('[data-test^="rule-"]:not([data-test="rule-cards"])', (els) =>
    els.map((e) => e.getAttribute('data-test').slice('rule-'.length)),
  )
}

describe('rules catalog', () => {
  it('the bureau opens 规则目录 from the menu: the hazard rules with their values and versions, edited here, a measure without rules', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('rules'))
    await page.click(byTest('menu-rules'))
    await page.waitForURL(/\/rules$/)
    await page.waitForSelector(BUREAU_DAYS)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '规则目录')
    // The hazard ledger's rules first, then the drills' (ten a page).
    assert.deepEqual(await shownRules(page), [...HAZARD_RULES, ...DRILL_RULES].slice(0, 10))

    // hazard.overdue: its measure, its period, and 超期几天后由教育局督办 at the default 7 days.
    const overdue = page.locator(`${byTest('table')} .el-table__row`, { has: page.locator(byTest('rule-hazard.overdue')) })
    const row = await overdue.innerText()
    assert.match(row, /隐患超期未整改逐级提醒/)
    assert.match(row, /措施 8 提升隐患整改质量/)
    assert.match(row, /每条记录/)
    const bureauDays = await page.locator(BUREAU_DAYS).innerText()
    assert.match(bureauDays, /超期几天后由教育局督办：7 天/)
    assert.doesNotMatch(bureauDays, /默认/)
    // The value the district changed says what the default was.
    assert.match(await page.locator(GENERAL_DAYS).innerText(), /一般隐患默认整改期限：5 天（默认 7）/)
    // The change on the hazard rules page is the deadline rule's first version; the others are at their defaults.
    assert.equal((await page.locator(byTest('params-version-hazard.deadline')).innerText()).trim(), '参数第 1 版')
    assert.equal((await page.locator(byTest('params-version-hazard.overdue')).innerText()).trim(), '默认参数')
    // 重大隐患一律挂牌督办 has nothing to set.
    const major = page.locator(`${byTest('table')} .el-table__row`, { has: page.locator(byTest('rule-hazard.major')) })
    assert.match(await major.innerText(), /无可配置参数/)
    assert.equal(await major.locator(byTest('row-configure')).count(), 0)
    assert.equal(await major.locator(byTest('row-edit-params')).count(), 0)
    await screenshot(page, 'rules-desktop')
    await expectAccessible(page, 'the rules catalog')

    // The hazard rules are edited here like any engine rule, for the whole district.
    assert.equal(await overdue.locator(byTest('row-configure')).count(), 0)
    await overdue.locator(byTest('row-edit-params')).click()
    const dialog = page.locator(byTest('params-dialog'))
    await dialog.locator(byTest('params-no-history')).waitFor()
    assert.match(await dialog.locator(byTest('params-district')).innerText(), /全区/)
    assert.equal(await dialog.locator('.el-select').count(), 0, 'no unit to pick')
    assert.equal(await page.inputValue(`${byTest('param-input-overdue_bureau_days')} input`), '7')
    await page.fill(`${byTest('param-input-overdue_bureau_days')} input`, '10')
    await page.keyboard.press('Tab')
    await page.fill(byTest('params-note'), '督办放宽到 10 天（端到端）')
    await page.click(byTest('params-save'))
    await page.locator('.el-message--success', { hasText: '已保存为参数第 1 版' }).waitFor()
    await dialog.locator(byTest('history-item')).first().waitFor()
    const history = await dialog.locator(byTest('history-item')).first().innerText()
    assert.match(history, /超期几天后由教育局督办：10 天/)
    assert.match(history, /督办放宽到 10 天/)
    await expectAccessible(page, 'the parameters dialog of a hazard rule')
    await page.click(byTest('params-cancel'))
    await page.waitForFunction((sel) => /10 天（默认 7）/.test(document.querySelector(sel)?.textContent ?? ''), BUREAU_DAYS)
    assert.equal((await page.locator(byTest('params-version-hazard.overdue')).innerText()).trim(), '参数第 1 版')
    // The deadline rule's version made on the hazard rules page, in its history.
    const deadline = page.locator(`${byTest('table')} .el-table__row`, { has: page.locator(byTest('rule-hazard.deadline')) })
    await deadline.locator(byTest('row-edit-params')).click()
    await dialog.locator(byTest('history-item')).first().waitFor()
    assert.match(await dialog.locator(byTest('history-item')).first().innerText(), /一般隐患默认整改期限：5 天/)
    await page.click(byTest('params-cancel'))
    await page.waitForSelector(byTest('params-dialog'), { state: 'hidden' })

    // The hazard rules page has the value set in the catalog.
    await page.goto(`${server.url}/hazards/rules`)
    await page.waitForFunction((sel) => document.querySelector(sel)?.value === '10', `${byTest('field-overdue_bureau_days')} input`)
    assert.equal(await page.inputValue(`${byTest('field-general_days')} input`), '5')
    await page.click(byTest('menu-rules'))
    await page.waitForURL(/\/rules$/)
    await page.waitForSelector(BUREAU_DAYS)

    // 措施 12 生命通道 has no rules yet, and says so.
    await choose(page, 'search-measure', '措施 12 生命通道')
    await page.click(byTest('search'))
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.trim() === '该措施的规则尚未上线',
      byTest('rules-empty'),
    )
    assert.deepEqual(await shownRules(page), [])
    await expectAccessible(page, 'the rules catalog, a measure without rules')
    // 重置 brings the catalog back.
    await page.click(byTest('reset'))
    await page.waitForSelector(BUREAU_DAYS)
    assert.equal((await shownRules(page)).length, 10)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau edits a drill rule’s values: a new version, its history, and the findings judged with it', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/rules?measure=13`)
    await page.waitForSelector(byTest('rule-drill.monthly'))
    assert.deepEqual(await shownRules(page), DRILL_RULES)
    const monthly = page.locator(`${byTest('table')} .el-table__row`, { has: page.locator(byTest('rule-drill.monthly')) })
    assert.match(await monthly.innerText(), /措施 13 消防应急演练/)
    assert.match(await monthly.innerText(), /每个教学月/)
    assert.equal((await page.locator(byTest('params-version-drill.monthly')).innerText()).trim(), '默认参数')
    // The values the engine keeps are edited here, not on a module's page.
    assert.equal(await monthly.locator(byTest('row-configure')).count(), 0)
    await monthly.locator(byTest('row-edit-params')).click()
    const dialog = page.locator(byTest('params-dialog'))
    await dialog.locator(byTest('params-no-history')).waitFor()
    assert.equal(await page.inputValue(`${byTest('param-input-min_count')} input`), '1')
    await expectAccessible(page, 'the parameters dialog')
    await page.fill(`${byTest('param-input-min_count')} input`, '2')
    await page.keyboard.press('Tab')
    // The engine's effects follow the rule's own values: reminders in days, the rest as switches.
    await dialog.locator(byTest('params-effects')).waitFor()
    assert.equal(await page.inputValue(`${byTest('param-input-remind_first_days')} input`), '30')
    assert.equal(await dialog.locator(`${byTest('param-switch-raise_hazard')}.is-checked`).count(), 0)
    await page.click(byTest('param-switch-raise_hazard'))
    await dialog.locator(`${byTest('param-switch-raise_hazard')}.is-checked`).waitFor()
    await page.fill(byTest('params-note'), '区教育局要求每月两次（端到端）')
    await page.click(byTest('params-save'))
    await page.locator('.el-message--success', { hasText: '已保存为参数第 1 版' }).waitFor()
    await dialog.locator(byTest('history-item')).first().waitFor()
    const history = await dialog.locator(byTest('history-item')).first().innerText()
    assert.match(history, /第 1 版/)
    assert.match(history, /safety_office/)
    assert.match(history, /中小学每个教学月至少几次：2 次/)
    assert.match(history, /区教育局要求每月两次/)
    await expectAccessible(page, 'the parameters dialog with a version')
    await page.click(byTest('params-cancel'))
    // The catalog says the new value, its default and the version.
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '参数第 1 版', byTest('params-version-drill.monthly'))
    assert.match(await page.locator(byTest('param-drill.monthly.min_count')).innerText(), /中小学每个教学月至少几次：2 次（默认 1）/)
    await screenshot(page, 'rules-drill-desktop')

    // Judged again, the school's monthly finding names the new version of the values.
    const api = await apiSession(server, 'safety_office')
    const judged = await api('/api/v1/rules/evaluate', { method: 'POST', body: '{}' })
    assert.equal(judged.status, 200, await judged.clone().text())
    const findings = await (await api(`/api/v1/rule-findings?rule=drill.monthly&school_id=21&period=${month}`)).json()
    assert.equal(findings.items[0].params_version, 1)
    assert.match(findings.items[0].params, /min_count=2/)
    assert.doesNotMatch(findings.items[0].params, /raise_hazard/)
    const rule = await (await api('/api/v1/rules/drill.monthly')).json()
    assert.equal(rule.params.find((p) => p.key === 'raise_hazard').value, 1)
    assert.equal(rule.params.find((p) => p.key === 'raise_hazard').effect, true)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a school safety officer on a phone: cards from the menu drawer, nothing wider than the screen', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-rules')}`)
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-rules')}`)
    await page.waitForURL(/\/rules$/)
    await page.waitForSelector(`${byTest('rule-cards')} ${BUREAU_DAYS}`)
    assert.equal(await page.locator(byTest('table')).count(), 0, 'no table on a phone')
    assert.deepEqual(await shownRules(page), [...HAZARD_RULES, ...DRILL_RULES].slice(0, 10))
    const card = page.locator(byTest('rule-hazard.overdue'))
    assert.match(await card.innerText(), /措施 8 提升隐患整改质量/)
    assert.match(await page.locator(BUREAU_DAYS).innerText(), /超期几天后由教育局督办：10 天（默认 7）/)
    assert.match(await page.locator(GENERAL_DAYS).innerText(), /5 天（默认 7）/)
    // The district's values, read-only for a school: their versions, nothing to edit.
    assert.equal(await card.locator(byTest('row-configure')).count(), 0)
    assert.equal(await card.locator(byTest('row-edit-params')).count(), 0)
    assert.equal(await card.locator(byTest('row-params-history')).count(), 1)

    await page.waitForTimeout(300)
    await expectNoSidewaysScroll(page, 'the rules catalog at 375 px')
    const overflow = await page.$$eval(`${byTest('rule-cards')}, ${byTest('rule-cards')} li`, (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.getAttribute('data-test') ?? e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`),
    )
    assert.deepEqual(overflow, [], 'the list and its cards do not scroll sideways')
    await screenshot(page, 'rules-375')
    await expectAccessible(page, 'the rules catalog at 375 px')

    // The drill rule's values, as the bureau set them: read-only, with their versions.
    const monthly = page.locator(byTest('rule-drill.monthly'))
    assert.equal((await page.locator(byTest('params-version-drill.monthly')).innerText()).trim(), '参数第 1 版')
    assert.equal(await monthly.locator(byTest('row-edit-params')).count(), 0)
    await monthly.locator(byTest('row-params-history')).click()
    await page.locator(`${byTest('params-dialog')} ${byTest('history-item')}`).first().waitFor()
    assert.equal(await page.locator(byTest('param-input-min_count')).count(), 0)
    assert.equal(await page.locator(byTest('params-save')).count(), 0)
    await expectAccessible(page, 'the versions of a rule at 375 px')
    await page.click(byTest('params-cancel'))
    await page.waitForSelector(byTest('params-dialog'), { state: 'hidden' })

    await choose(page, 'search-measure', '措施 12 生命通道')
    await page.click(byTest('search'))
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.trim() === '该措施的规则尚未上线',
      byTest('rules-empty'),
    )
    await expectNoSidewaysScroll(page, 'the empty rules catalog at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a department liaison neither sees nor opens it', async () => {
    const { page, context } = await newPage(browser, DESKTOP)
    await login(page, server, 'dept1_liaison')
    assert.ok(!(await menuItems(page)).includes('rules'))
    await page.goto(`${server.url}/rules`)
    await page.waitForSelector(byTest('forbidden'))
    await context.close()
  })
})
