// 全区“一盘棋” (measure 3) in a real browser. The bureau's safety office, at a desk, opens 全区工作 from the
// menu and deploys a monthly item (每月25日, from two months back to four ahead) to 全部学校: saved without
// a name first, it is told so at the field, nothing sent; then saved, the row shows 每月25日 and
// 全部学校; the item's page lists every school with its state; 全区工作.xlsx is exported with it.
// 双桥小学's safety officer, on a phone (375 px), finds the days in 我的待办 (全区工作待完成), opens 本单位工作,
// reports the first day not done (逾期完成 once reported today), withdraws it (逾期未完成 again) and
// reports it once more — nothing wider than the screen. The safety office then sees the report on the
// item, 全区工作有单位逾期 in 我的待办, and the board's figures as the server counts them (all kinds, then
// 共性任务). A school's officer neither finds 全区工作 in the menu nor opens it (无权访问; the API 403).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
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

const OFFICE = 'safety_office'
const SCHOOL_OFFICER = 'school1_safety'
const LIST_PATH = '/api/v1/duties/work'
const MINE_PATH = '/api/v1/duties/work/mine'
const BOARD_PATH = '/api/v1/duties/work/board'
const TITLE = '秋冬季校园安全隐患排查（端到端）'
/** What the tests share: the item deployed (a), the day reported (b). */
const shared = { item: null, due: '' }

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** The China date `days` from today (YYYY-MM-DD). */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10)
}

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

const textOf = async (locator) => (await locator.innerText()).trim()
const statOf = (page, test) => textOf(page.locator(`${byTest(test)} ${byTest('stat-value')}`))
/** An Element Plus input by its data-test (on the input itself, or on its wrapper). */
const field = (test) => `input${byTest(test)}, ${byTest(test)} input`
const isGet = (path) => (r) => new URL(r.url()).pathname === path && r.request().method() === 'GET'
const rate = (r) => (r === null ? '—' : `${Math.round(r * 100)}%`)

/** Picks an option of an Element Plus select by its visible label (a string, or a pattern). */
async function choose(page, test, label) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(test))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** Picks several options of a multiple select, then closes its list. */
async function chooseMany(page, test, labels, closeOn) {
  await page.click(byTest(test))
  for (const label of labels) await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
  await page.click(closeOn)
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
}

/** Types a day into an Element Plus date picker wrapped in `test` and takes it. */
async function pickDate(page, test, date) {
  const input = page.locator(`${byTest(test)} input`)
  await input.fill(date)
  await page.keyboard.press('Enter')
  assert.equal(await input.inputValue(), date)
}

describe('全区“一盘棋”', () => {
  it('(a) the safety office deploys a monthly item to every school, sees it listed and its units, and exports it', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)
    const items = await menuItems(page)
    for (const item of ['duty-work', 'duty-work-board']) assert.ok(items.includes(item), `${item} in ${items.join()}`)
    assert.ok(!items.includes('duty-work-mine'), 'the bureau is given no work of its own')

    // 全区工作 from the menu.
    const listed = page.waitForResponse(isGet(LIST_PATH))
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-work')}`)
    await page.waitForURL(/\/duties\/work$/)
    const answer = await listed
    assert.equal(answer.status(), 200, await answer.text())
    const list = await answer.json()
    assert.equal(list.can_edit, true)
    assert.ok(list.schools.length > 1, JSON.stringify(list.schools.length))
    await page.waitForSelector(byTest('work-table'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '全区工作')
    assert.equal(await page.locator(`${byTest('work-table')} [data-test^="work-row-"]`).count(), list.items.length)
    await expectAccessible(page, '全区工作 at a desk')

    // 部署工作: without a name first, told at the field; nothing sent.
    await page.click(byTest('work-add'))
    const dialog = page.locator(`${byTest('work-dialog')}:visible`)
    await dialog.waitFor()
    let posted = 0
    const countPosts = (r) => {
      if (new URL(r.url()).pathname === LIST_PATH && r.method() === 'POST') posted += 1
    }
    page.on('request', countPosts)
    await page.click(byTest('work-form-kind-common'))
    await chooseMany(page, 'work-form-measures', [/^\s*措施 3 /], `${byTest('work-dialog')} .el-dialog__title`)
    await choose(page, 'work-form-lead', '安全管理科')
    await page.click(byTest('work-form-all-schools'))
    assert.equal(await textOf(page.locator(byTest('work-form-targets-count'))), `已选 ${list.schools.length} 个单位`)
    await choose(page, 'work-form-day', /^\s*25日\s*$/)
    const from = chinaDate(-70)
    const until = chinaDate(120)
    await pickDate(page, 'work-form-from', from)
    await pickDate(page, 'work-form-until', until)
    await page.click(byTest('work-save'))
    const titleError = dialog.locator('.el-form-item', { has: page.locator(byTest('work-form-title')) }).locator('.el-form-item__error')
    await titleError.waitFor()
    assert.equal(await textOf(titleError), '请填写工作名称')
    assert.equal(posted, 0, 'the console refused it')
    await expectAccessible(page, 'the work form with its error at a desk')

    // Named: saved.
    await page.fill(field('work-form-title'), TITLE)
    await titleError.waitFor({ state: 'detached' })
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === LIST_PATH && r.request().method() === 'POST')
    const reread = page.waitForResponse(isGet(LIST_PATH))
    await page.click(byTest('work-save'))
    const yes = await saved
    assert.equal(yes.status(), 201, await yes.text())
    page.off('request', countPosts)
    const item = await yes.json()
    shared.item = item
    assert.equal(item.title, TITLE)
    assert.equal(item.kind, 'common')
    assert.deepEqual(item.measures, [3])
    assert.deepEqual(item.schedule, { repeat: 'monthly', repeat_label: '每月', due: null, day: 25, from, until })
    assert.deepEqual(
      item.targets,
      list.schools.map((s) => s.id).sort((a, b) => a - b),
    )
    await dialog.waitFor({ state: 'hidden' })
    await reread
    const row = page.locator(`${byTest('work-table')} .el-table__body tr`, { has: page.locator(byTest(`work-row-${item.id}`)) })
    await row.waitFor()
    assert.equal(await textOf(row.locator(byTest(`work-row-${item.id}`))), TITLE)
    assert.equal(await textOf(row.locator(byTest('row-kind'))), '共性任务')
    assert.equal(await textOf(row.locator(byTest('row-schedule'))), '每月25日')
    assert.equal(await textOf(row.locator(byTest('row-range'))), `${from} 至 ${until}`)
    assert.equal(await textOf(row.locator(byTest('row-targets'))), `全部学校（${list.schools.length} 所）`)
    assert.equal(await textOf(row.locator(byTest('row-lead'))), '安全管理科')
    assert.equal(await textOf(row.locator(byTest('row-measures'))), '措施3')
    assert.match(await textOf(row.locator(byTest('row-overdue'))), /^\d+ 个单位逾期$/)
    await screenshot(page, 'work-items-desktop')

    // 导出: 全区工作.xlsx with the new item.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('work-export'))])
    assert.equal(download.suggestedFilename(), '全区工作.xlsx')
    const path = join(resultsDir, 'work-items.xlsx')
    await download.saveAs(path)
    assert.equal(readFileSync(path).subarray(0, 2).toString('latin1'), 'PK')
    assert.ok(xlsxText(path).includes(TITLE), 'the workbook lists the item')

    // The item: every school with its state, the most overdue first.
    const read = page.waitForResponse(isGet(`${LIST_PATH}/${item.id}`))
    await page.click(byTest(`work-row-${item.id}`))
    await page.waitForURL(new RegExp(`/duties/work/${item.id}$`))
    const detail = await (await read).json()
    await page.waitForSelector(byTest('work-units-table'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '工作详情')
    assert.equal(await textOf(page.locator(byTest('work-title'))), TITLE)
    assert.equal(await page.locator(`${byTest('work-units-table')} tbody tr`).count(), list.schools.length)
    const firstUnit = page.locator(byTest(`work-unit-${detail.units[0].id}`))
    assert.equal(await textOf(firstUnit.locator(byTest('unit-name'))), detail.units[0].name)
    assert.equal(await textOf(firstUnit.locator(byTest('unit-state'))), detail.units[0].progress.next_state_label)
    assert.equal(await statOf(page, 'work-total-units'), String(list.schools.length))
    assert.equal(await page.locator(`${byTest('work-dates')} li`).count(), detail.dates.length)
    await expectAccessible(page, 'a work item at a desk')
    await screenshot(page, 'work-item-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) 双桥小学’s safety officer, on a phone, reports a due day done, withdraws it and reports it again', async () => {
    assert.ok(shared.item, 'the item of (a)')
    const id = shared.item.id
    const school = await apiSession(server, SCHOOL_OFFICER)
    const before = await (await school(MINE_PATH)).json()
    assert.equal(before.can_report, true)
    const mineItem = before.items.find((i) => i.id === id)
    assert.ok(mineItem, JSON.stringify(before.items.map((i) => i.id)))
    const due = mineItem.progress.next
    assert.ok(due && due < chinaDate(), `a day overdue: ${due}`)
    assert.equal(mineItem.progress.next_state, 'overdue')
    shared.due = due

    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, SCHOOL_OFFICER)
    // 我的待办: the days due, leading to 本单位工作.
    const group = page.locator(byTest('task-group-duty.work'))
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '全区工作待完成')
    assert.equal(await group.locator(byTest('task-item-link')).first().getAttribute('href'), '/duties/work/mine')
    await page.click(byTest('menu-toggle'))
    await page.waitForSelector(`${byTest('menu-drawer')} ${byTest('menu-duty-work-mine')}`, { state: 'attached' })
    const items = await menuItems(page)
    assert.ok(items.includes('duty-work-mine'), items.join())
    for (const item of ['duty-work', 'duty-work-board']) assert.ok(!items.includes(item), `${item} not in ${items.join()}`)
    const opened = page.waitForResponse(isGet(MINE_PATH))
    await page.click(`${byTest('menu-drawer')} ${byTest('menu-duty-work-mine')}`)
    await page.waitForURL(/\/duties\/work\/mine$/)
    await opened
    const card = page.locator(byTest(`work-mine-item-${id}`))
    await card.waitFor()
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '本单位工作')
    assert.equal(await textOf(card.locator(byTest('item-title'))), TITLE)
    assert.equal(await textOf(card.locator(byTest('item-next-day'))), due)
    assert.equal(await textOf(card.locator(byTest('item-next-state'))), '逾期未完成')
    assert.equal(await textOf(card.locator(byTest('item-schedule'))), `每月25日 ${shared.item.schedule.from} 至 ${shared.item.schedule.until}`)
    await expectNoSidewaysScroll(page, '本单位工作 at 375 px')
    await expectAccessible(page, '本单位工作 at 375 px')
    await screenshot(page, 'work-mine-375')

    // 报告完成: the first day not done, done today, with a note.
    await page.click(byTest(`work-report-${id}`))
    const drawer = page.locator(`${byTest('work-report-dialog')}:visible`)
    await drawer.waitFor()
    assert.match(await textOf(drawer.locator(byTest('work-report-due'))), new RegExp(`^${due}（已逾期 \\d+ 天）$`))
    assert.equal(await page.inputValue(`${byTest('work-report-done-on')} input`), chinaDate())
    await page.fill(`textarea${byTest('work-report-note')}, ${byTest('work-report-note')} textarea`, '已完成排查，整改 2 处')
    await expectNoSidewaysScroll(page, 'the report form at 375 px')
    await expectAccessible(page, 'the report form at 375 px')
    const reported = page.waitForResponse((r) => new URL(r.url()).pathname === `${LIST_PATH}/${id}/reports` && r.request().method() === 'POST')
    let reread = page.waitForResponse(isGet(MINE_PATH))
    await page.click(byTest('work-report-save'))
    const report = await reported
    assert.equal(report.status(), 201, await report.text())
    const body = await report.json()
    assert.equal(body.due, due)
    assert.equal(body.done_on, chinaDate())
    assert.equal(body.note, '已完成排查，整改 2 处')
    await drawer.waitFor({ state: 'hidden' })
    await reread
    const day = card.locator(byTest(`work-day-${id}-${due}`))
    await day.locator(byTest('day-state'), { hasText: '逾期完成' }).waitFor()
    assert.match(await textOf(day.locator(byTest('day-report'))), /已完成排查，整改 2 处/)
    assert.notEqual(await textOf(card.locator(byTest('item-next-day'))), due)

    // 撤回: asked first; the day is overdue again.
    await page.click(byTest(`work-withdraw-${id}-${due}`))
    await page.waitForSelector(`${byTest('confirm-box')}:visible`)
    const withdrawn = page.waitForResponse((r) => new URL(r.url()).pathname === `${LIST_PATH}/${id}/reports/${due}` && r.request().method() === 'DELETE')
    reread = page.waitForResponse(isGet(MINE_PATH))
    await page.click(byTest('confirm-ok'))
    assert.equal((await withdrawn).status(), 204)
    await reread
    await day.locator(byTest('day-state'), { hasText: '逾期未完成' }).waitFor()
    assert.equal(await textOf(card.locator(byTest('item-next-day'))), due)
    assert.equal(await day.locator(byTest('day-report')).count(), 0)

    // Reported again from the day's own 补报, for the bureau to see.
    await page.click(byTest(`work-report-day-${id}-${due}`))
    await drawer.waitFor()
    await page.fill(`textarea${byTest('work-report-note')}, ${byTest('work-report-note')} textarea`, '已完成排查，整改 2 处')
    const again = page.waitForResponse((r) => new URL(r.url()).pathname === `${LIST_PATH}/${id}/reports` && r.request().method() === 'POST')
    await page.click(byTest('work-report-save'))
    assert.equal((await again).status(), 201)
    await drawer.waitFor({ state: 'hidden' })
    await day.locator(byTest('day-state'), { hasText: '逾期完成' }).waitFor()
    await expectNoSidewaysScroll(page, '本单位工作 after reporting at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) the safety office sees the report on the item, 我的待办, and the board’s figures', async () => {
    assert.ok(shared.item && shared.due, 'the item of (a), the day of (b)')
    const id = shared.item.id
    const office = await apiSession(server, OFFICE)
    const detail = await (await office(`${LIST_PATH}/${id}`)).json()
    const mine = detail.reports.find((r) => r.due === shared.due)
    assert.ok(mine, JSON.stringify(detail.reports))

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)
    // 我的待办: the items with units overdue, each leading to the item.
    const group = page.locator(byTest('task-group-duty.work.overdue'))
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '全区工作有单位逾期')
    const link = group.locator(byTest('task-item-link'), { hasText: TITLE })
    assert.equal(await link.getAttribute('href'), `/duties/work/${id}`)
    await link.click()
    await page.waitForURL(new RegExp(`/duties/work/${id}$`))
    const report = page.locator(byTest(`work-report-${mine.unit_id}-${shared.due}`))
    await report.waitFor()
    assert.match(await textOf(report), /示范区双桥小学/)
    assert.match(await textOf(report), /已完成排查，整改 2 处/)

    // 全区工作看板 through 全区工作's link.
    await page.click(`${byTest('menu-group-duties')} ${byTest('menu-duty-work')}`)
    await page.waitForURL(/\/duties\/work$/)
    await page.waitForSelector(byTest(`work-row-${id}`))
    const boardRead = page.waitForResponse(isGet(BOARD_PATH))
    await page.click(byTest('work-board-link'))
    await page.waitForURL(/\/duties\/work\/board$/)
    const board = await (await boardRead).json()
    await page.waitForSelector(`${byTest('work-board-table')} ${byTest(`work-board-unit-${board.units[0].id}`)}`)
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '全区工作看板')
    assert.ok(board.items >= 1 && board.totals.done_late >= 1, JSON.stringify(board.totals))
    assert.equal(await statOf(page, 'work-total-items'), String(board.items))
    for (const k of ['due', 'done', 'done_late', 'overdue']) assert.equal(await statOf(page, `work-total-${k}`), String(board.totals[k]), k)
    assert.equal(await statOf(page, 'work-total-rate'), rate(board.totals.rate))
    const rows = page.locator(`${byTest('work-board-table')} .el-table__body tr`)
    assert.equal(await rows.count(), board.units.length)
    assert.equal(await textOf(rows.first().locator('[data-test^="work-board-unit-"]')), board.units[0].name)
    assert.equal(await textOf(rows.first().locator(byTest('row-overdue'))), String(board.units[0].totals.overdue))
    assert.equal(await page.locator(`${byTest('work-board-kinds')} tbody tr`).count(), 3)
    await expectAccessible(page, '全区工作看板 at a desk')
    await screenshot(page, 'work-board-desktop')

    // Of one kind: the server's figures of 共性任务.
    const common = page.waitForResponse((r) => isGet(BOARD_PATH)(r) && new URL(r.url()).searchParams.get('kind') === 'common')
    await choose(page, 'work-board-kind', '共性任务')
    const kindBoard = await (await common).json()
    await page.locator(`${byTest('work-total-items')} ${byTest('stat-value')}`, { hasText: String(kindBoard.items) }).waitFor()
    assert.equal(await statOf(page, 'work-total-overdue'), String(kindBoard.totals.overdue))

    // A unit opens the work deployed to it.
    const unit = board.units[0]
    await page.click(byTest(`work-board-unit-${unit.id}`))
    await page.waitForURL(new RegExp(`/duties/work\\?unit_id=${unit.id}$`))
    await page.waitForSelector(byTest('work-unit-filter'))
    assert.match(await textOf(page.locator(byTest('work-unit-filter'))), new RegExp(unit.name))
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(d) a school’s officer neither finds nor opens 全区工作, and the API refuses it', async () => {
    const officer = await apiSession(server, SCHOOL_OFFICER)
    for (const path of [LIST_PATH, BOARD_PATH, `${LIST_PATH}/${shared.item?.id ?? 1}`]) {
      const r = await officer(path)
      assert.equal(r.status, 403, `${path}: ${r.status} ${await r.text()}`)
    }
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, SCHOOL_OFFICER)
    const items = await menuItems(page)
    assert.ok(items.includes('duty-work-mine'), items.join())
    assert.ok(!items.includes('duty-work'), items.join())
    for (const path of ['/duties/work', '/duties/work/board']) {
      await page.goto(server.url + path)
      await page.waitForSelector(byTest('forbidden'))
      assert.equal(new URL(page.url()).pathname, '/forbidden', path)
      assert.equal(await page.$(byTest('work-table')), null)
    }
    assert.deepEqual(errors, [])
    await context.close()
  })
})
