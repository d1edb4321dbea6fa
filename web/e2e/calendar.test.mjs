// The school calendar (校历) in a real browser: a school's month on a phone (国庆节 and the make-up
// school day of 10 October, a day's 1530 duties), a day off added in the settings and seen in
// the month, field errors next to their cells, the bureau's semesters at desk width with what a
// school inherits, the holiday notices and a year loaded from a file by the system administrator,
// and a user without the calendar refused.
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
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser
let tmp

const SCHOOL = '示范区双桥小学'
const DAY_OFF = '2026-10-16'
const DAY_OFF_REASON = '教师培训（端到端）'

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-calendar-'))
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  // A dropdown still closing from the previous choice would offer its options too (and vanish
  // under the click): wait until none shows.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'),
  )
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** The month shown, as YYYY-MM, from the heading (…2026年10月). */
async function shownMonth(page) {
  const text = await page.locator(byTest('month-title')).innerText()
  const m = /(\d{4})年(\d{1,2})月/.exec(text)
  return m ? `${m[1]}-${m[2].padStart(2, '0')}` : ''
}

/** Goes to `month` with 上月 / 下月, waiting for each month to load. */
async function goToMonth(page, month) {
  await page.waitForSelector(byTest('month-title'))
  for (let i = 0; i < 60; i++) {
    const now = await shownMonth(page)
    if (now === month) break
    await page.click(byTest(now > month ? 'month-prev' : 'month-next'))
    await page.waitForFunction(
      ([sel, before]) => !document.querySelector(sel)?.textContent?.includes(before),
      [byTest('month-title'), now.replace(/^(\d{4})-0?(\d+)$/, '$1年$2月')],
    )
  }
  assert.equal(await shownMonth(page), month)
  await page.waitForSelector(byTest(`day-${month}-01`))
  await page.waitForFunction(() => !document.querySelector('.month-body > .el-loading-mask'))
}

/** A full-length screenshot: the layout scrolls inside its main area, so the viewport grows to fit it. */
async function tallScreenshot(page, name) {
  const viewport = page.viewportSize()
  const content = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(viewport.height, content + 100), 4000) })
  await screenshot(page, name)
  await page.setViewportSize(viewport)
}

/** The error shown under a cell's field (the form item around the element with data-test `test`). */
function cellError(page, test) {
  return page.locator('.el-form-item', { has: page.locator(byTest(test)) }).locator('.el-form-item__error')
}

describe('school calendar', () => {
  it('a school safety officer on a phone: October with 国庆节 and 调休上课, a day off added in the settings', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    // 校历 from the menu drawer.
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-calendar')}`)
    assert.ok((await menuItems(page)).includes('calendar'))
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-calendar')}`)
    await page.waitForURL(/\/calendar$/)
    await page.waitForSelector(byTest('day-list'))
    // On a phone the month is a list of days, not a grid, and nothing scrolls sideways.
    assert.equal(await page.locator(byTest('month-grid')).count(), 0)
    assert.match(await page.locator(byTest('month-title')).innerText(), new RegExp(SCHOOL))

    await goToMonth(page, '2026-10')
    assert.equal(await page.locator(`${byTest('day-list')} li`).count(), 31)
    const national = await page.locator(byTest('day-2026-10-01')).innerText()
    assert.match(national, /国庆节/)
    assert.match(national, /假/)
    const makeup = await page.locator(byTest('day-2026-10-10')).innerText()
    assert.match(makeup, /调休上课/)
    assert.match(makeup, /班/)
    assert.match(makeup, /16:30/)
    assert.match(await page.locator(byTest('day-2026-10-11')).innerText(), /休/)
    await expectNoSidewaysScroll(page, 'the month at 375 px')
    await tallScreenshot(page, 'calendar-375')
    await expectAccessible(page, 'the month at 375 px')

    // The day: its kind, semester and 1530 duties with their times.
    await page.click(byTest('day-2026-10-10'))
    await page.waitForSelector(`${byTest('day-dialog')} ${byTest('day-duties')}`)
    assert.match(await page.locator(byTest('day-kind')).innerText(), /调休上课/)
    assert.equal(await page.locator(byTest('day-term')).innerText(), '2026—2027学年第一学期')
    const duties = await page.locator(byTest('day-duties')).innerText()
    assert.match(duties, /16:29/)
    assert.match(duties, /16:25/)
    assert.match(duties, /周末/)
    await expectAccessible(page, 'a day at 375 px')
    await page.click(byTest('day-close'))
    await page.waitForSelector(byTest('day-dialog'), { state: 'hidden' })

    // The settings: the school's own days off, the semesters and dismissal times it inherits.
    await page.click(byTest('tab-settings'))
    await page.waitForSelector(`${byTest('exceptions-table')} ${byTest('exceptions-1-reason')}`)
    assert.match(await page.locator(byTest('settings-unit-name')).innerText(), new RegExp(SCHOOL))
    const inheritedTerms = await page.locator(byTest('terms-inherited')).innerText()
    assert.match(inheritedTerms, /2026—2027学年第一学期/)
    assert.match(inheritedTerms, /沿用 示范区教育局/)
    assert.match(await page.locator(byTest('dismissals-inherited')).innerText(), /16:30/)
    assert.equal(await page.inputValue(byTest('exceptions-1-reason')), '秋季运动会')
    await expectNoSidewaysScroll(page, 'the settings at 375 px')
    await expectAccessible(page, 'the settings at 375 px')

    // A new day off: without a reason the cell says so; then saved.
    await page.click(byTest('exceptions-add'))
    await page.fill(`${byTest('exceptions-2-date')} input`, DAY_OFF)
    await page.keyboard.press('Enter')
    assert.equal(await page.inputValue(`${byTest('exceptions-2-date')} input`), DAY_OFF)
    await page.click(byTest('exceptions-save'))
    await cellError(page, 'exceptions-2-reason').waitFor()
    assert.match(await cellError(page, 'exceptions-2-reason').innerText(), /请填写事由/)
    await expectAccessible(page, 'a refused day off at 375 px')
    await page.fill(byTest('exceptions-2-reason'), DAY_OFF_REASON)
    await page.click(byTest('exceptions-save'))
    await page.waitForSelector('.el-message--success')
    await page.waitForFunction((sel) => document.querySelector(sel)?.hasAttribute('disabled'), byTest('exceptions-revert'))
    await cellError(page, 'exceptions-2-reason').waitFor({ state: 'detached' })
    await tallScreenshot(page, 'calendar-settings-375')

    // Back in the month: the day is off (停课) with its reason, and no 1530 reminder.
    await page.click(byTest('tab-month'))
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent?.includes(text),
      [byTest(`day-${DAY_OFF}`), DAY_OFF_REASON],
    )
    const off = await page.locator(byTest(`day-${DAY_OFF}`)).innerText()
    assert.match(off, /停课/)
    assert.doesNotMatch(off, /放学/)
    // The school day before it closes the week now, with the weekend's 1530 lesson.
    assert.match(await page.locator(byTest('day-2026-10-15')).innerText(), /周末/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau at desk width: its semesters, a refused semester next to its cell, and what a school inherits', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/calendar`)
    await page.click(byTest('tab-settings'))
    await page.waitForSelector(`${byTest('terms-table')} ${byTest('terms-1-school_year')}`)
    assert.match(await page.locator(byTest('settings-unit')).innerText(), /示范区教育局/)
    assert.equal(await page.locator(byTest('terms-inherited')).count(), 0, 'the bureau inherits nothing')
    // Its semesters, as the demo sets them.
    const terms = []
    for (let i = 0; i < (await page.locator(`${byTest('terms-table')} .el-table__body tr`).count()); i++) {
      terms.push({
        year: (await page.locator(byTest(`terms-${i}-school_year`)).innerText()).trim(),
        term: (await page.locator(byTest(`terms-${i}-term`)).innerText()).trim(),
        from: await page.inputValue(`${byTest(`terms-${i}-starts_on`)} input`),
        to: await page.inputValue(`${byTest(`terms-${i}-ends_on`)} input`),
      })
    }
    assert.deepEqual(terms, [
      { year: '2025—2026学年', term: '第二学期', from: '2026-03-02', to: '2026-07-10' },
      { year: '2026—2027学年', term: '第一学期', from: '2026-09-01', to: '2027-01-22' },
    ])
    assert.match(await page.locator(byTest('dismissals-table')).innerHTML(), /15:40/)
    await tallScreenshot(page, 'calendar-settings-desktop')
    await expectAccessible(page, 'the bureau’s settings')

    // A second semester that overlaps the first: the server's reason appears in the row's cell.
    await page.click(byTest('terms-add'))
    assert.equal((await page.locator(byTest('terms-2-term')).innerText()).trim(), '第二学期')
    await page.fill(`${byTest('terms-2-starts_on')} input`, '2027-01-11')
    await page.keyboard.press('Enter')
    await page.fill(`${byTest('terms-2-ends_on')} input`, '2027-07-09')
    await page.keyboard.press('Enter')
    await page.click(byTest('terms-save'))
    await cellError(page, 'terms-2-starts_on').waitFor()
    assert.match(await cellError(page, 'terms-2-starts_on').innerText(), /重叠/)
    await expectAccessible(page, 'a refused semester')
    await page.click(byTest('terms-revert'))
    await page.waitForSelector(byTest('terms-2-term'), { state: 'detached' })

    // A school in scope: what it inherits from the bureau, and its own days off.
    await choose(page, 'settings-unit', SCHOOL)
    await page.waitForSelector(byTest('terms-inherited'))
    assert.match(await page.locator(byTest('terms-inherited')).innerText(), /沿用 示范区教育局/)
    await page.waitForSelector(byTest('exceptions-1-reason'))
    assert.equal(await page.inputValue(byTest('exceptions-0-reason')), '春季运动会')

    // The month of a school, as a grid Monday to Sunday.
    await page.click(byTest('tab-month'))
    await choose(page, 'month-school', SCHOOL)
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('示范区双桥小学'), byTest('month-title'))
    await goToMonth(page, '2026-10')
    const heads = await page.$$eval(`${byTest('month-grid')} thead th`, (ths) => ths.map((th) => th.textContent.trim().slice(0, 1)))
    assert.deepEqual(heads, ['一', '二', '三', '四', '五', '六', '日'])
    // 1 October 2026 is a Thursday: three blanks before it.
    const firstRow = await page.$$eval(`${byTest('month-grid')} tbody tr:first-child td`, (tds) => tds.map((td) => !!td.querySelector('button')))
    assert.deepEqual(firstRow, [false, false, false, true, true, true, true])
    assert.match(await page.locator(byTest('day-2026-10-10')).innerText(), /国庆节调休上课/)
    assert.ok(await page.isVisible(byTest('legend')))
    await tallScreenshot(page, 'calendar-desktop')
    await expectAccessible(page, 'the month at desk width')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the system administrator loads a year of public holidays from a file; refusals name the field', async () => {
    const bad = join(tmp, '2027-bad.json')
    const good = join(tmp, '2027.json')
    const notice = (workdays) => ({
      year: 2027,
      title: '2027年节假日安排（端到端测试）',
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays },
        { name: '春节', from: '2027-02-06', to: '2027-02-12', workdays: [] },
      ],
    })
    writeFileSync(bad, JSON.stringify(notice(['2027-01-05'])))
    writeFileSync(good, JSON.stringify(notice([])))

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'sysadmin')
    // January 2027 lies in a semester, but its holidays are not known yet.
    await page.goto(`${server.url}/calendar?month=2027-01&school=21`)
    await page.waitForSelector(byTest('missing-years'))
    assert.match(await page.locator(byTest('missing-years')).innerText(), /2027 年节假日安排尚未导入/)
    assert.match(await page.locator(byTest('day-2027-01-04')).innerText(), /未知/)
    assert.equal(await page.locator(byTest('tab-settings')).count(), 0, 'no calendar:write, no settings')

    await page.click(byTest('tab-holidays'))
    await page.waitForSelector(byTest('holiday-year-2026'))
    const y2026 = await page.locator(byTest('holiday-year-2026')).innerText()
    assert.match(y2026, /国庆节/)
    assert.match(y2026, /2026-10-10/)
    await expectAccessible(page, 'the holiday notices')

    await page.click(byTest('holidays-import'))
    await page.waitForSelector(`${byTest('holiday-import-dialog')}:visible`)
    await page.setInputFiles(`${byTest('holiday-import-dialog')} input[type=file]`, bad)
    await page.waitForSelector(byTest('holiday-import-preview'))
    assert.match(await page.locator(byTest('holiday-import-preview')).innerText(), /2027/)
    await page.click(byTest('holiday-import-start'))
    await page.waitForSelector(byTest('holiday-import-errors'))
    const refusal = await page.locator(byTest('holiday-import-errors')).innerText()
    assert.match(refusal, /holidays\[0\]\.workdays\[0\]（元旦）/)
    assert.match(refusal, /不是周六或周日/)
    await expectAccessible(page, 'a refused holiday file')

    await page.setInputFiles(`${byTest('holiday-import-dialog')} input[type=file]`, good)
    await page.waitForSelector(byTest('holiday-import-errors'), { state: 'detached' })
    await page.click(byTest('holiday-import-start'))
    await page.waitForSelector(`${byTest('holiday-import-dialog')}`, { state: 'hidden' })
    await page.waitForSelector(byTest('holiday-year-2027'))
    assert.match(await page.locator(byTest('holiday-year-2027')).innerText(), /春节/)

    // The month knows January 2027 now.
    await page.click(byTest('tab-month'))
    await page.waitForSelector(byTest('missing-years'), { state: 'detached' })
    assert.match(await page.locator(byTest('day-2027-01-01')).innerText(), /元旦/)
    assert.match(await page.locator(byTest('day-2027-01-04')).innerText(), /上课/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a teacher sees the month but not the settings; a department liaison not the calendar', async () => {
    const teacher = await newPage(browser, DESKTOP)
    await login(teacher.page, server, 'school1_teacher')
    await teacher.page.goto(`${server.url}/calendar`)
    await teacher.page.waitForSelector(byTest('month-grid'))
    assert.equal(await teacher.page.locator(byTest('tab-settings')).count(), 0)
    assert.equal(await teacher.page.locator(byTest('month-school')).count(), 0, 'the school is the teacher’s own')
    await teacher.context.close()

    const liaison = await newPage(browser, DESKTOP)
    await login(liaison.page, server, 'dept1_liaison')
    assert.ok(!(await menuItems(liaison.page)).includes('calendar'))
    await liaison.page.goto(`${server.url}/calendar`)
    await liaison.page.waitForSelector(byTest('forbidden'))
    await liaison.context.close()
  })
})
