// 防溺水提醒 in a real browser. (1) The bureau's safety office, at a desk, opens 防溺水提醒 from the
// menu under 1530与安全教育 (完成情况: the district by school), lets warnings be recorded up to seven
// days late (the rule edu.drowning's late_days, set through the API as the rules page would), and
// publishes a 专项预警 through the dialog — from six days ago to today, no location ticked (全部学校) —
// and finds it in the list. (2) The class teacher (school1_teacher), on a phone, opens 1530安全提醒
// and finds 防溺水提醒 below today's sessions; the first card with 已提醒 (today's, or an earlier day
// to record late) is tapped, confirmed with a note, and then says 已提醒 (已完成) or 已补录 (补录).
// (3) The school's safety officer finds the school's warnings given (on time or late) over the last
// week one higher through the API, and 防溺水提醒 shows their own school's board, by class.
//
// Warning days are school days, and the harness runs the server on the real clock. The campaign
// makes every school day of the last week a warning day for every school, and late_days 7 keeps
// them open: the teacher has a card to tap unless there was no school day in the last week (a
// long break), when the tap is skipped with a message saying so.
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

const TITLE = `e2e 汛期防溺水预警 ${Date.now()}`
const TEXT = '近期连续降雨，河道、水塘水位上涨：放学后不到河边、水塘边玩耍，不私自下水游泳。'
const NOTE = '结合汛期预警，提醒学生不到河边玩耍（端到端）'

/** What one part finds and the next uses. */
const shared = {
  /** The school's warnings given (on time or late) over the last week, before the teacher's tap. */
  givenBefore: undefined,
  /** Whether the teacher recorded a warning (false when none was open). */
  gave: false,
  schoolId: 0,
  schoolName: '',
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** The China date `days` from today (YYYY-MM-DD). */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10)
}

/** The school's drowning warnings given on the day or late over the last seven days, from the API. */
async function givenLastWeek() {
  const api = await apiSession(server, 'school1_safety')
  const me = await (await api('/api/v1/auth/me')).json()
  shared.schoolId = me.unit.id
  shared.schoolName = me.unit.name
  const r = await api(`/api/v1/edu/drowning/board?school_id=${me.unit.id}&period=custom&from=${chinaDate(-7)}&to=${chinaDate()}`)
  assert.equal(r.status, 200, await r.clone().text())
  const body = await r.json()
  assert.equal(body.scope, 'school')
  assert.equal(body.school_id, me.unit.id)
  return body.totals.done + body.totals.late
}

/** Types a day into an Element Plus date picker wrapped in `test` and takes it. */
async function pickDate(page, test, date) {
  const input = page.locator(`${byTest(test)} input`)
  await input.fill(date)
  await page.keyboard.press('Enter')
  assert.equal(await input.inputValue(), date)
}

describe('防溺水提醒', () => {
  it('(1) the bureau opens 防溺水提醒, allows late records for 7 days and publishes a 专项预警 for all schools', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('edu-drowning'), 'the menu lists 防溺水提醒')
    const item = page.locator(byTest('menu-edu-drowning'))
    if (!(await item.isVisible())) await page.click(byTest('menu-group-education'))
    await item.click()
    await page.waitForURL(/\/edu\/drowning$/)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '防溺水提醒')
    // 完成情况 first: the district by school, 重点学校 against 城区学校.
    await page.waitForSelector(byTest('board-totals'))
    await settled(page)
    assert.match(await page.locator(byTest('board-label')).innerText(), /全区各校/)
    assert.equal(await page.locator(`${byTest('board-locations')} > li`).count(), 2)
    await page.waitForSelector(`${byTest('board-schools-table')}, ${byTest('board-no-schools')}`)
    await expectNoSidewaysScroll(page, '防溺水提醒 at a desk')
    await expectAccessible(page, '防溺水提醒 完成情况 at a desk')
    await screenshot(page, 'edu-drowning-board-desktop')

    // Late records allowed for seven days (the rule's parameter, as the rules page sets it).
    const office = await apiSession(server, 'safety_office')
    const set = await office('/api/v1/rules/edu.drowning/parameters', { method: 'PUT', body: JSON.stringify({ values: { late_days: 7 } }) })
    assert.equal(set.status, 200, await set.clone().text())

    // 专项预警: 发布预警 opens the dialog.
    assert.equal((await page.locator(byTest('tab-campaigns')).innerText()).trim(), '专项预警')
    await page.click(byTest('tab-campaigns'))
    await page.waitForSelector(byTest('campaign-create'))
    await settled(page)
    assert.equal((await page.locator(byTest('campaign-create')).innerText()).trim(), '发布预警')
    await page.click(byTest('campaign-create'))
    await page.waitForSelector(`${byTest('campaign-dialog')}:visible`)
    // Nothing filled: the dialog says what is missing and sends nothing.
    await page.click(byTest('campaign-submit'))
    const titleError = page.locator('.el-form-item', { has: page.locator(byTest('campaign-title')) }).locator('.el-form-item__error')
    await titleError.waitFor()
    assert.equal((await titleError.innerText()).trim(), '请填写标题')
    await page.fill(byTest('campaign-title'), TITLE)
    await page.fill(byTest('campaign-text'), TEXT)
    await pickDate(page, 'campaign-from', chinaDate(-6))
    await pickDate(page, 'campaign-to', chinaDate())
    assert.equal((await page.locator(byTest('campaign-days')).innerText()).trim(), '预警期间共 7 天')
    for (const code of ['urban', 'township', 'rural', 'fringe']) {
      assert.equal(await page.locator(`${byTest(`campaign-location-${code}`)} input`).isChecked(), false, `${code} is not ticked`)
    }
    await expectAccessible(page, 'the 发布预警 dialog at a desk')
    await screenshot(page, 'edu-drowning-campaign-dialog-desktop')
    await page.click(byTest('campaign-submit'))
    await page.waitForSelector(byTest('campaign-dialog'), { state: 'hidden' })

    // Listed first, running, for all schools.
    const card = page.locator(byTest('campaign-card'), { has: page.locator(byTest('campaign-card-title'), { hasText: TITLE }) })
    await card.waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('campaign-card')).first().getAttribute('data-id'), await card.getAttribute('data-id'))
    assert.equal((await card.locator(byTest('campaign-status')).innerText()).trim(), '预警中')
    assert.equal((await card.locator(byTest('campaign-targets')).innerText()).trim(), '全部学校')
    assert.match(await card.locator(byTest('campaign-period')).innerText(), new RegExp(`${chinaDate(-6)} 至 ${chinaDate()}`))
    assert.equal((await card.locator(byTest('campaign-card-text')).innerText()).trim(), TEXT)
    assert.equal(await card.locator(byTest('campaign-delete')).count(), 1, 'the office may withdraw it')
    await expectNoSidewaysScroll(page, '专项预警 at a desk')
    await expectAccessible(page, '防溺水提醒 专项预警 at a desk')
    await screenshot(page, 'edu-drowning-campaigns-desktop')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees.
    const r = await office('/api/v1/edu/drowning/campaigns')
    assert.equal(r.status, 200, await r.clone().text())
    const saved = (await r.json()).items.find((c) => c.title === TITLE)
    assert.ok(saved, 'the campaign is listed')
    assert.equal(saved.from, chinaDate(-6))
    assert.equal(saved.to, chinaDate())
    assert.deepEqual(saved.location_types, [])
  })

  it('(2) the class teacher on a phone taps 已提醒 on the first open drowning warning and sees it recorded', async (t) => {
    shared.givenBefore = await givenLastWeek()
    // The rule's late limit reaches the teacher's school.
    const teacher = await apiSession(server, 'school1_teacher')
    const listed = await teacher('/api/v1/edu/drowning/warnings')
    assert.equal(listed.status, 200, await listed.clone().text())
    assert.equal((await listed.json()).late_days, 7)

    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_teacher')
    // 我的待办's 防溺水提醒, when the server lists it, leads to the 1530 page.
    const group = page.locator(byTest('task-group-edu.drowning'))
    if ((await group.count()) > 0 && (await group.locator(byTest('task-group-all')).count()) > 0) {
      assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/edu/1530')
      await group.locator(byTest('task-group-all')).click()
      await page.waitForURL(/\/edu\/1530$/)
    } else {
      await page.goto(`${server.url}/edu/1530`)
    }
    const section = page.locator(byTest('drowning-warnings'))
    await section.waitFor()
    await page.waitForFunction(
      (sel) => !!document.querySelector(sel)?.querySelector('[data-test="drowning-card"], [data-test="drowning-none"], [data-test="drowning-missed"], [data-test="drowning-failed"]'),
      byTest('drowning-warnings'),
    )
    await settled(page)
    assert.equal((await section.locator('h2').innerText()).trim(), '防溺水提醒')
    assert.equal(await section.locator(byTest('drowning-failed')).count(), 0, 'the warnings were read')
    // Below today's 1530 sessions, apart from them.
    assert.equal(await page.locator(`${byTest('today')} ${byTest('drowning-card')}`).count(), 0)
    assert.equal(await section.locator('[data-test^="session-"]').count(), 0)
    await expectNoSidewaysScroll(page, '防溺水提醒 at 375 px')
    await expectAccessible(page, '防溺水提醒 on the 1530 page at 375 px')
    await screenshot(page, 'edu-drowning-375')

    // Today's warning, or else the newest earlier one still open for a late record.
    const card = section.locator(byTest('drowning-card'), { has: page.locator(byTest('drowning-give')) }).first()
    if ((await card.count()) === 0) {
      t.skip(`no drowning warning open on ${chinaDate()} nor in the 7 days before: a break without school — 已提醒 is not exercised`)
      assert.deepEqual(errors, [])
      await context.close()
      return
    }
    const key = await card.getAttribute('data-key')
    assert.match(key, /^\d+-\d{4}-\d{2}-\d{2}$/)
    const date = key.slice(-10)
    const today = date === chinaDate()
    assert.ok(date >= chinaDate(-7) && date <= chinaDate(), `${date} is within the last week`)
    // A day of the campaign says so, with its title.
    if (date >= chinaDate(-6)) {
      assert.equal((await card.locator(byTest('drowning-reason-campaign')).innerText()).trim(), '专项预警')
      assert.ok((await card.locator(byTest('drowning-campaign-title')).allInnerTexts()).some((s) => s.trim() === TITLE), 'the campaign is on the card')
    }
    assert.ok((await card.locator(byTest('drowning-text')).innerText()).trim().length > 0, 'the card says what to tell the class')
    assert.equal((await card.locator(byTest('drowning-state')).innerText()).trim(), today ? '今日待完成' : '待补录')

    // Tap 1: 已提醒 opens the confirmation.
    const give = card.locator(byTest('drowning-give'))
    assert.equal((await give.innerText()).trim(), '已提醒')
    await give.click()
    await page.waitForSelector(`${byTest('drowning-confirm')}:visible`)
    assert.match(await page.locator(byTest('drowning-confirm-intro')).innerText(), today ? /确认已在放学前为 .+ 开展防溺水警示提醒/ : new RegExp(`补录 ${date} 为 .+ 开展的防溺水警示提醒`))
    await page.fill(byTest('drowning-note'), NOTE)
    await expectNoSidewaysScroll(page, 'the 已提醒 confirmation at 375 px')
    await expectAccessible(page, 'the 已提醒 confirmation at 375 px')
    const confirm = page.locator(byTest('drowning-submit'))
    assert.ok(await confirm.isVisible(), '确认已提醒 is on the screen')
    assert.equal((await confirm.innerText()).trim(), '确认已提醒')
    await screenshot(page, 'edu-drowning-confirm-375')

    // Tap 2: 确认已提醒.
    await confirm.click()
    await page.waitForSelector(byTest('drowning-confirm'), { state: 'hidden' })
    const recorded = section.locator(`${byTest('drowning-card')}[data-key="${key}"]`)
    const done = recorded.locator(byTest('drowning-done'))
    await done.waitFor()
    // 已提醒 16:29 on the day; 已补录 12-08 10:15 (or the like) for an earlier one.
    assert.match(await done.innerText(), today ? /已提醒 \d{2}:\d{2}/ : /已补录 \d{2}-\d{2} \d{2}:\d{2}/)
    assert.match(await recorded.locator(byTest('drowning-note-text')).innerText(), new RegExp(NOTE.replace(/[()（）]/g, '.')))
    assert.equal((await recorded.locator(byTest('drowning-state')).innerText()).trim(), today ? '已完成' : '补录')
    assert.equal(await recorded.locator(byTest('drowning-give')).count(), 0)
    shared.gave = true
    await expectNoSidewaysScroll(page, 'the recorded warning at 375 px')
    await expectAccessible(page, 'the recorded warning at 375 px')
    await screenshot(page, 'edu-drowning-done-375')

    // Read again from the server: today's card says 已提醒; an earlier one recorded is no longer offered.
    await page.reload()
    await section.waitFor()
    await page.waitForFunction(
      (sel) => !!document.querySelector(sel)?.querySelector('[data-test="drowning-card"], [data-test="drowning-none"], [data-test="drowning-missed"]'),
      byTest('drowning-warnings'),
    )
    await settled(page)
    if (today) {
      assert.match(await section.locator(`${byTest('drowning-card')}[data-key="${key}"] ${byTest('drowning-done')}`).innerText(), /已提醒/)
    } else {
      assert.equal(await section.locator(`${byTest('drowning-card')}[data-key="${key}"] ${byTest('drowning-give')}`).count(), 0)
    }
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(3) the safety officer finds the warning counted, and 防溺水提醒 shows their own school by class', async () => {
    assert.notEqual(shared.givenBefore, undefined, 'part (2) read the board before')
    const after = await givenLastWeek()
    assert.equal(after, shared.givenBefore + (shared.gave ? 1 : 0), `given on time or late was ${shared.givenBefore}, is ${after}`)

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'school1_safety')
    assert.ok((await menuItems(page)).includes('edu-drowning'))
    await page.goto(`${server.url}/edu/drowning`)
    await page.waitForSelector(byTest('board-totals'))
    await settled(page)
    // A school user: their own school, no school to pick, by class.
    assert.equal(await page.locator(byTest('board-school')).count(), 0)
    assert.match(await page.locator(byTest('board-label')).innerText(), new RegExp(shared.schoolName))
    await page.waitForSelector(`${byTest('board-classes-table')}, ${byTest('board-no-classes')}`)
    assert.equal(await page.locator(byTest('board-classes-table')).count(), 1, 'the school has classes')
    await page.waitForSelector(`${byTest('board-missing-table')}, ${byTest('board-no-missing')}`)
    // This week's totals as the server counts them.
    const api = await apiSession(server, 'school1_safety')
    const week = await (await api(`/api/v1/edu/drowning/board?school_id=${shared.schoolId}&period=week`)).json()
    for (const k of ['due', 'done', 'late', 'missed']) {
      assert.equal((await page.locator(`${byTest(`total-${k}`)} ${byTest('stat-value')}`).innerText()).trim(), String(week.totals[k]), k)
    }
    await expectNoSidewaysScroll(page, '防溺水提醒 of a school at a desk')
    await expectAccessible(page, '防溺水提醒 of a school at a desk')
    await screenshot(page, 'edu-drowning-school-desktop')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('board-export'))])
    assert.match(download.suggestedFilename(), /\.xlsx$/)

    // The bureau's campaign reaches the school: listed, without 发布预警 or 撤销.
    await page.click(byTest('tab-campaigns'))
    const card = page.locator(byTest('campaign-card'), { has: page.locator(byTest('campaign-card-title'), { hasText: TITLE }) })
    await card.waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('campaign-create')).count(), 0)
    assert.equal(await card.locator(byTest('campaign-delete')).count(), 0)
    await expectAccessible(page, '防溺水提醒 专项预警 of a school at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
