// 安全培训 (measures 17 and 19) in a real browser. The safety officer of the first demo school
// (school1_safety), on a phone (375 px), finds 培训待办 in 我的待办 — the demo's guard 张强 last trained over
// a year ago — leading to the school's 重点岗位人员, and opens it from the menu drawer under 培训与应急
// (轮训看板 is the bureau's): 张强 first, 逾期. The officer adds a fire-safety officer, 陈晓东, in the post
// since 2024-09-01 and never trained (the drawer rises from the bottom; the server answers 201):
// 逾期 too. On 培训记录 the officer records a 重点岗位轮训 held today, 陈晓东 ticked among the staff in
// post, and back on 重点岗位人员 he is 正常, his last session today. The pages never scroll sideways and
// pass axe-core. At a desk, the bureau's safety office opens 轮训看板: the district's totals, 示范区双桥小学
// with overdue staff (kept by 只看有逾期人员的学校), exported as 轮训看板.xlsx with the school in it; the
// school's name opens its 重点岗位人员, 张强 逾期. Then the officer, at a desk, imports the session's
// sign-in sheet: the template (姓名, 岗位, 备注) downloaded, a sheet with a name too long refused with its
// row listed, then one naming 张强 and a teacher written (共 2 行，1 人为重点岗位人员，其他 1 人): 张强 is
// among the attendees, and 正常 on 重点岗位人员.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
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
  sheetFromTemplate,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser
let tmp

const ACCOUNT = 'school1_safety'
const SCHOOL = '示范区双桥小学'
const SCHOOL_ID = 21
const STAFF_PATH = '/api/v1/training/staff'
const SESSIONS_PATH = '/api/v1/training/sessions'
const LATE = '张强'
const NEW = '陈晓东'
const TITLE = '冬季重点岗位安全轮训（测试）'
/** China's civil date today (the server's dates are China dates). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
/** The session recorded in (a). */
let sessionId = 0

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-training-'))
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** Waits until nothing is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
}

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'))
}

/** Types a date into an Element Plus date picker (the field's wrapper `test`). */
async function pickDate(page, test, day) {
  const input = page.locator(`${byTest(test)} input`)
  await input.fill(day)
  await page.keyboard.press('Enter')
  assert.equal(await input.inputValue(), day)
}

/** A person's row (card) on 重点岗位人员. */
const rowOf = (page, name) => page.locator(byTest('training-staff-row'), { has: page.locator(byTest('training-staff-name'), { hasText: name }) })

const textOf = async (locator) => (await locator.innerText()).trim()

/** Waits for 重点岗位人员 of the school to have answered. */
async function staffLoaded(page) {
  await page.waitForSelector(byTest('training-staff-list'))
  await settled(page)
}

describe('安全培训', () => {
  it('(a) the safety officer on a phone adds a key-post person, records a rotation session they attended, and sees them 正常', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)

    // 我的待办: 培训待办, 张强 overdue, leading to the school's staff.
    const group = page.locator(byTest('task-group-training.due'))
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '培训待办')
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/training/staff')
    const task = group.locator(byTest('task-item'), { hasText: LATE })
    await task.waitFor()
    assert.equal(await task.locator(byTest('task-item-link')).getAttribute('href'), `/training/staff?unit_id=${SCHOOL_ID}`)

    // 重点岗位人员 from the menu drawer, under 培训与应急; 轮训看板 is the bureau's.
    await page.click(byTest('menu-toggle'))
    const item = `${byTest('menu-drawer')} ${byTest('menu-group-training')} ${byTest('menu-training-staff')}`
    await page.waitForSelector(item)
    const items = await menuItems(page)
    assert.ok(items.includes('training-staff') && items.includes('training-sessions'), items.join())
    assert.ok(!items.includes('training-board'), '轮训看板 is not in a school’s menu')
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === STAFF_PATH && r.request().method() === 'GET')
    await page.click(item)
    await page.waitForURL(/\/training\/staff$/)
    assert.equal((await loaded).status(), 200)
    await staffLoaded(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '重点岗位人员')
    assert.equal(await textOf(page.locator(byTest('training-school-name'))), SCHOOL)
    // The due list: 张强 first, 逾期.
    const first = page.locator(byTest('training-staff-row')).first()
    assert.equal(await textOf(first.locator(byTest('training-staff-name'))), LATE)
    assert.equal(await textOf(first.locator(byTest('training-staff-state'))), '逾期')
    assert.equal(await first.getAttribute('data-state'), 'overdue')
    assert.equal(await textOf(page.locator(byTest('training-check-training.rotation-outcome'))), '未达标')
    await expectNoSidewaysScroll(page, '重点岗位人员 at 375 px')
    await expectAccessible(page, '重点岗位人员 at 375 px')
    await screenshot(page, 'training-staff-375')

    // 新增人员: a drawer on the phone; a fire-safety officer in the post since 2024-09-01.
    await page.click(byTest('training-staff-add'))
    const drawer = page.locator(`${byTest('training-staff-dialog')}:visible`)
    await drawer.waitFor()
    assert.ok(await drawer.evaluate((el) => el.classList.contains('el-drawer')), 'a drawer on a phone')
    await page.fill(byTest('staff-field-name'), NEW)
    await choose(page, 'staff-field-post', '消防安全')
    await page.fill(byTest('staff-field-phone'), '13905711234')
    await pickDate(page, 'staff-field-since', '2024-09-01')
    await expectNoSidewaysScroll(page, 'the person form at 375 px')
    await expectAccessible(page, 'the person form at 375 px')
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === STAFF_PATH && r.request().method() === 'POST')
    const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === STAFF_PATH && r.request().method() === 'GET')
    await page.click(byTest('staff-save'))
    const answer = await created
    assert.equal(answer.status(), 201, await answer.text())
    const person = await answer.json()
    assert.equal(person.name, NEW)
    assert.equal(person.post, 'fire')
    assert.equal(person.since, '2024-09-01')
    await reloaded
    await drawer.waitFor({ state: 'hidden' })
    const row = rowOf(page, NEW)
    await row.waitFor()
    // Never trained and in the post for over a year: due already.
    assert.equal(await row.getAttribute('data-state'), 'overdue')
    assert.equal(await textOf(row.locator(byTest('training-staff-last'))), '尚未参加培训')

    // 培训记录 of the school: 记录培训, a rotation today, 陈晓东 ticked.
    await page.click(byTest('training-sessions-link'))
    await page.waitForURL(new RegExp(`/training/sessions\\?unit_id=${SCHOOL_ID}$`))
    await page.waitForSelector(byTest('training-session-add'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '培训记录')
    await expectNoSidewaysScroll(page, '培训记录 at 375 px')
    await expectAccessible(page, '培训记录 at 375 px')
    await page.click(byTest('training-session-add'))
    const form = page.locator(`${byTest('training-session-dialog')}:visible`)
    await form.waitFor()
    const tick = page.locator(byTest(`session-staff-${person.id}`))
    await tick.waitFor()
    await page.fill(byTest('session-field-title'), TITLE)
    assert.ok(await page.locator(`${byTest('session-field-kind-rotation')} input`).isChecked(), '重点岗位轮训 by default')
    assert.equal(await page.inputValue(`${byTest('session-field-held_on')} input`), today())
    await tick.click()
    assert.equal(await textOf(page.locator(byTest('session-staff-count'))), '已选 1 人')
    await page.fill(byTest('session-field-place'), '学校会议室')
    await expectNoSidewaysScroll(page, 'the session form at 375 px')
    await expectAccessible(page, 'the session form at 375 px')
    await screenshot(page, 'training-session-form-375')
    const recorded = page.waitForResponse((r) => new URL(r.url()).pathname === SESSIONS_PATH && r.request().method() === 'POST')
    await page.click(byTest('session-save'))
    const session = await recorded
    assert.equal(session.status(), 201, await session.text())
    const body = await session.json()
    sessionId = body.id
    assert.deepEqual(body.staff_ids, [person.id])
    assert.equal(body.kind, 'rotation')
    assert.equal(body.held_on, today())
    await form.waitFor({ state: 'hidden' })
    const card = page.locator(byTest('card'), { has: page.locator(byTest('training-session-open'), { hasText: TITLE }) })
    await card.waitFor()
    assert.match(await textOf(card.locator(byTest('card-attendance'))), /重点岗位 1 人/)

    // Back on 重点岗位人员: 陈晓东 正常, trained today.
    await page.goto(`${server.url}/training/staff`)
    await staffLoaded(page)
    const trained = rowOf(page, NEW)
    await trained.waitFor()
    assert.equal(await trained.getAttribute('data-state'), 'ok')
    assert.equal(await textOf(trained.locator(byTest('training-staff-state'))), '正常')
    assert.match(await textOf(trained.locator(byTest('training-staff-last'))), new RegExp(`^${today()}`))
    assert.match(await textOf(trained.locator(byTest('training-staff-last'))), /冬季重点岗位安全轮训/)
    assert.equal(await rowOf(page, LATE).getAttribute('data-state'), 'overdue')
    await expectNoSidewaysScroll(page, '重点岗位人员 after the session at 375 px')
    await screenshot(page, 'training-staff-trained-375')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the bureau at a desk finds the school with overdue staff on 轮训看板, exports it and opens its staff', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const items = await menuItems(page)
    assert.ok(['training-board', 'training-staff', 'training-sessions'].every((i) => items.includes(i)), items.join())
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/training/board' && r.request().method() === 'GET')
    await page.click(byTest('menu-training-board'))
    await page.waitForURL(/\/training\/board$/)
    const board = await (await loaded).json()
    const school = page.locator(`${byTest('training-board-table')} .el-table__body tr`, {
      has: page.locator(byTest(`training-board-school-${SCHOOL_ID}`)),
    })
    await school.waitFor()
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '轮训看板')
    const mine = board.rows.find((r) => r.unit_id === SCHOOL_ID)
    assert.ok(mine && mine.overdue >= 1, JSON.stringify(mine))
    assert.equal(Number(await textOf(school.locator(byTest('row-overdue')))), mine.overdue)
    assert.equal(await textOf(school.locator(byTest('row-rotation-outcome'))), mine.rotation.outcome_label)
    assert.equal(Number(await textOf(page.locator(`${byTest('training-total-overdue')} ${byTest('stat-value')}`))), board.totals.overdue)
    assert.equal(Number(await textOf(page.locator(`${byTest('training-total-schools')} ${byTest('stat-value')}`))), board.totals.schools)
    await expectAccessible(page, '轮训看板 at a desk')
    await screenshot(page, 'training-board-desktop')

    // Only the schools with someone overdue: the school stays, every row has someone overdue.
    await page.click(byTest('training-board-overdue-only'))
    await page.waitForFunction(
      (test) => [...document.querySelectorAll(`${test} .el-table__body [data-test="row-overdue"]`)].every((c) => Number(c.textContent) > 0),
      byTest('training-board-table'),
    )
    await school.waitFor()
    assert.equal(await page.getAttribute(byTest('training-total-overdue'), 'aria-pressed'), 'true')

    // 导出: 轮训看板.xlsx, the school in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('training-board-export'))])
    assert.equal(download.suggestedFilename(), '轮训看板.xlsx')
    const file = join(resultsDir, 'training-board.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    assert.ok(xlsxText(file).includes(SCHOOL), 'the export lists the school')

    // The school's name opens its key-post staff: 张强 逾期.
    await page.click(byTest(`training-board-school-${SCHOOL_ID}`))
    await page.waitForURL(new RegExp(`/training/staff\\?unit_id=${SCHOOL_ID}$`))
    await staffLoaded(page)
    assert.equal(await textOf(page.locator(byTest('training-school-name'))), SCHOOL)
    const late = rowOf(page, LATE)
    await late.waitFor()
    assert.equal(await late.getAttribute('data-state'), 'overdue')
    assert.equal(await textOf(late.locator(byTest('training-staff-state'))), '逾期')
    await expectAccessible(page, 'a school’s key-post staff for the bureau at a desk')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) the officer imports the session’s sign-in sheet: a refused row listed, then 张强 among the attendees and 正常', async () => {
    assert.ok(sessionId > 0, 'test (a) recorded a session')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, ACCOUNT)
    await page.goto(`${server.url}/training/sessions`)
    const row = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('training-session-open'), { hasText: TITLE }) })
    await row.waitFor()
    await settled(page)
    const read = page.waitForResponse((r) => new URL(r.url()).pathname === `${SESSIONS_PATH}/${sessionId}` && r.request().method() === 'GET')
    await row.locator(byTest('training-session-open')).click()
    assert.equal((await read).status(), 200)
    const drawer = page.locator(`${byTest('training-session-drawer')}:visible`)
    await drawer.waitFor()
    await page.locator(byTest('training-session-title'), { hasText: TITLE }).waitFor()
    assert.deepEqual(
      (await page.locator(`${byTest('training-session-attendee')} .attendee-name`).allInnerTexts()).map((s) => s.trim()),
      [NEW],
    )

    // 签到表导入: the shared dialog; the template's header 姓名, 岗位, 备注.
    await page.click(byTest('training-signin-import'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    assert.equal(await textOf(dialog.locator('.el-dialog__title')), '导入签到表')
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator(byTest('template')).click()])
    const template = join(tmp, 'sign-in-template.xlsx')
    await download.saveAs(template)
    const header = xlsxText(template)
    assert.ok(['姓名', '岗位', '备注'].every((h) => header.includes(h)), header)
    await expectAccessible(page, 'the sign-in import dialog at a desk')

    const importFile = async (file) => {
      await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, file)
      await page.locator(byTest('import-file'), { hasText: file.split('/').pop() }).waitFor()
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `${SESSIONS_PATH}/${sessionId}/sign-in`)
      await page.click(byTest('import-start'))
      return answered
    }

    // A name too long: refused, its row listed, nothing written.
    const bad = join(tmp, 'sign-in-bad.xlsx')
    sheetFromTemplate(template, bad, [['姓名', '岗位', '备注'], [LATE, '安保', ''], ['名'.repeat(25), '', '']])
    const refused = await importFile(bad)
    assert.equal(refused.status(), 422)
    assert.equal(refused.request().headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    const listed = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(listed.some((r) => /^3\s/.test(r.trim()) && r.includes('姓名')), listed.join(' | '))
    assert.match(await textOf(page.locator(byTest('import-summary'))), /未写入任何数据/)
    const officer = await apiSession(server, ACCOUNT)
    const unchanged = await (await officer(`${SESSIONS_PATH}/${sessionId}`)).json()
    assert.equal(unchanged.staff_ids.length, 1, 'nothing written')

    // 张强 and a teacher: 张强 attends as a key-post person, the teacher is counted.
    const good = join(tmp, 'sign-in.xlsx')
    sheetFromTemplate(template, good, [['姓名', '岗位', '备注'], [LATE, '安保', ''], ['周老师', '', '班主任']])
    const reread = page.waitForResponse((r) => new URL(r.url()).pathname === `${SESSIONS_PATH}/${sessionId}` && r.request().method() === 'GET')
    const written = await importFile(good)
    assert.equal(written.status(), 200)
    await page.locator(byTest('import-summary'), { hasText: '导入完成' }).waitFor()
    assert.equal(await textOf(page.locator(byTest('import-summary'))), '导入完成：共 2 行，1 人为重点岗位人员，其他 1 人')
    await reread
    await page.screenshot({ path: join(resultsDir, 'training-signin-desktop.png') })
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })
    await page.waitForFunction(
      ([test, names]) => {
        const got = [...document.querySelectorAll(`${test} .attendee-name`)].map((e) => e.textContent.trim())
        return names.every((n) => got.includes(n))
      },
      [byTest('training-session-attendees'), [NEW, LATE]],
    )
    assert.match(await textOf(page.locator(byTest('training-session-others'))), /^1 人$/)
    // As stored: 张强 added to the attendees, the teacher counted.
    const stored = await (await officer(`${SESSIONS_PATH}/${sessionId}`)).json()
    assert.deepEqual(
      stored.attendees.map((a) => a.name),
      [NEW, LATE],
    )
    assert.equal(stored.other_count, 1)
    await expectAccessible(page, 'a session’s details after the sign-in sheet at a desk')

    // 重点岗位人员: 张强 trained today, 正常.
    await page.goto(`${server.url}/training/staff`)
    await staffLoaded(page)
    const late = rowOf(page, LATE)
    await late.waitFor()
    assert.equal(await late.getAttribute('data-state'), 'ok')
    assert.equal(await textOf(late.locator(byTest('training-staff-state'))), '正常')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
