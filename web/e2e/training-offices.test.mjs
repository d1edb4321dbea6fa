// 安全监管机构 (measure 18) in a real browser. The safety officer of the first demo school
// (school1_safety), on a phone (375 px), finds 安全监管机构待充实 in 我的待办 — the demo's office of
// 示范区双桥小学 has a head and 总务主任, both part time — and opens the school's 安全监管机构 from it:
// 未达标, two members, each row's fields stacked. The officer adds a full-time 专职安全员 with a
// qualification; a phone the server refuses shows at the row's field, and once put right the office
// saves (the server answers 200): 达标, 专职 1 人, and back home the task is gone. The pages never
// scroll sideways and pass axe-core. At a desk, the bureau's safety office opens 队伍建设看板 from the
// menu: the bureau first, the school's row 达标 with its new full-time member (and so not among
// 只看未达标), exported as 安全监管机构.xlsx with the school in it; the school's name opens its office,
// and the page without a link opens the bureau's own office.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
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
  resultsDir,
  screenshot,
  startServer,
  xlsxText,
} from './harness.mjs'

let server
let browser

const ACCOUNT = 'school1_safety'
const SCHOOL = '示范区双桥小学'
const SCHOOL_ID = 21
const OFFICE_PATH = `/api/v1/staffing/offices/${SCHOOL_ID}`
const BOARD_PATH = '/api/v1/staffing/board'
const NEW = '周晓峰'
const POST = '专职安全员'
const QUALIFICATION = '注册安全工程师'
const PHONE_BAD = '12345'
const PHONE_OK = '13905718888'

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

const textOf = async (locator) => (await locator.innerText()).trim()
const memberRows = (page) => page.locator(`${byTest('training-office-member-rows')} > ol > li`)

describe('安全监管机构', () => {
  it('(a) the safety officer on a phone adds a full-time member from 我的待办, fixes the phone refused, and the office is 达标', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, ACCOUNT)

    // 我的待办: 安全监管机构待充实, leading to the school's office.
    const group = page.locator(byTest('task-group-staffing.office'))
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '安全监管机构待充实')
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/training/offices')
    const link = group.locator(byTest('task-item-link')).first()
    assert.equal(await link.getAttribute('href'), `/training/offices?unit_id=${SCHOOL_ID}`)
    assert.match(await textOf(group.locator(byTest('task-item')).first()), /专职 0 人/)
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === OFFICE_PATH && r.request().method() === 'GET')
    await link.click()
    await page.waitForURL(new RegExp(`/training/offices\\?unit_id=${SCHOOL_ID}$`))
    assert.equal((await loaded).status(), 200)
    await page.waitForSelector(byTest('training-office-editor'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '安全监管机构')
    assert.equal(await textOf(page.locator(byTest('training-office-unit-name'))), SCHOOL)
    assert.equal(await textOf(page.locator(byTest('training-office-unit-kind'))), '学校')
    assert.equal(await textOf(page.locator(byTest('training-office-check-outcome'))), '未达标')
    assert.match(await textOf(page.locator(byTest('training-office-check-reason'))), /专职 0 人/)
    assert.ok((await page.inputValue(byTest('training-office-name'))).length > 0, 'the demo names its office')
    // The demo's two members, both part time; a member's fields stacked on the phone.
    assert.equal(await memberRows(page).count(), 2)
    for (const i of [0, 1]) {
      assert.ok(!(await page.locator(byTest(`training-office-member-row-${i}-full_time`)).evaluate((el) => el.classList.contains('is-checked'))))
    }
    const name = await page.locator(byTest('training-office-member-row-0-name')).boundingBox()
    const post = await page.locator(byTest('training-office-member-row-0-post')).boundingBox()
    assert.ok(post.y > name.y + name.height, `职务 under 姓名 on a phone (${name.y} / ${post.y})`)
    await expectNoSidewaysScroll(page, '安全监管机构 at 375 px')
    await expectAccessible(page, '安全监管机构 at 375 px')
    await screenshot(page, 'training-office-375')

    // 添加人员: a full-time 专职安全员 with a qualification and a phone the server refuses.
    await page.click(byTest('training-office-member-add'))
    await memberRows(page).nth(2).waitFor()
    await page.fill(byTest('training-office-member-row-2-name'), NEW)
    await page.fill(byTest('training-office-member-row-2-post'), POST)
    await page.click(byTest('training-office-member-row-2-full_time'))
    assert.ok(await page.locator(byTest('training-office-member-row-2-full_time')).evaluate((el) => el.classList.contains('is-checked')))
    await page.fill(byTest('training-office-member-row-2-qualifications'), QUALIFICATION)
    await page.fill(byTest('training-office-member-row-2-phone'), PHONE_BAD)
    assert.equal(await textOf(page.locator(byTest('training-office-dirty'))), '未保存')
    await expectNoSidewaysScroll(page, 'a member added at 375 px')
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === OFFICE_PATH && r.request().method() === 'PUT')
    await page.click(byTest('training-office-save'))
    const answer = await refused
    assert.equal(answer.status(), 422, await answer.text())
    const fieldError = page.locator(`.el-form-item:has(${byTest('training-office-member-row-2-phone')}) .el-form-item__error`)
    await fieldError.waitFor()
    assert.match(await textOf(fieldError), /联系电话/)
    assert.equal(await textOf(page.locator(byTest('training-office-member-row-2-problems'))), '1 处需修改')
    await expectAccessible(page, 'a refused member at 375 px')
    await screenshot(page, 'training-office-refused-375')

    // The phone put right: saved, 达标.
    await page.fill(byTest('training-office-member-row-2-phone'), PHONE_OK)
    await fieldError.waitFor({ state: 'detached' })
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === OFFICE_PATH && r.request().method() === 'PUT')
    await page.click(byTest('training-office-save'))
    const written = await saved
    assert.equal(written.status(), 200, await written.text())
    const body = await written.json()
    assert.equal(body.check.outcome, 'pass')
    assert.equal(body.counts.full_time, 1)
    const mine = body.members.find((m) => m.name === NEW)
    assert.ok(mine && mine.full_time && mine.post === POST && mine.qualifications === QUALIFICATION, JSON.stringify(body.members))
    await page.locator(byTest('training-office-check-outcome'), { hasText: '达标' }).waitFor()
    assert.equal(await page.locator(byTest('training-office-check')).getAttribute('data-outcome'), 'pass')
    assert.match(await textOf(page.locator(byTest('training-office-counts'))), /专职 1 人/)
    assert.equal(await page.locator(byTest('training-office-dirty')).count(), 0)
    assert.equal(await memberRows(page).count(), 3)
    await expectNoSidewaysScroll(page, '安全监管机构 saved at 375 px')
    await screenshot(page, 'training-office-saved-375')

    // Back home: no 安全监管机构待充实.
    const tasks = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me/tasks')
    await page.goto(`${server.url}/home`)
    const groups = (await (await tasks).json()).groups
    assert.ok(!groups.some((g) => g.kind === 'staffing.office'), JSON.stringify(groups.map((g) => g.kind)))
    await page.waitForSelector(`${byTest('my-tasks')} :is(${byTest('task-item')}, ${byTest('my-tasks-none')})`)
    assert.equal(await page.locator(byTest('task-group-staffing.office')).count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the bureau at a desk sees the school 达标 on 队伍建设看板, exports it and opens the school’s and its own office', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    const items = await menuItems(page)
    assert.ok(['training-office', 'training-offices-board'].every((i) => items.includes(i)), items.join())
    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === BOARD_PATH && r.request().method() === 'GET')
    await page.click(byTest('menu-training-offices-board'))
    await page.waitForURL(/\/training\/offices\/board$/)
    const board = await (await loaded).json()
    const rowOf = (id) =>
      page.locator(`${byTest('training-offices-board-table')} .el-table__body tr`, { has: page.locator(byTest(`training-offices-board-unit-${id}`)) })
    const school = rowOf(SCHOOL_ID)
    await school.waitFor()
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '队伍建设看板')
    // The bureaus first, then the schools.
    const bureau = board.rows[0]
    assert.equal(bureau.unit_kind, 'bureau')
    assert.equal(await textOf(rowOf(bureau.unit_id).locator(byTest('row-kind'))), '教育局')
    const mine = board.rows.find((r) => r.unit_id === SCHOOL_ID)
    assert.equal(mine.check.outcome, 'pass', JSON.stringify(mine))
    assert.equal(await textOf(school.locator(byTest('row-kind'))), '学校')
    assert.equal(await textOf(school.locator(byTest('row-check-outcome'))), '达标')
    assert.equal(Number(await textOf(school.locator(byTest('row-full_time')))), mine.counts.full_time)
    assert.equal(Number(await textOf(school.locator(byTest('row-part_time')))), mine.counts.members - mine.counts.full_time)
    assert.ok(mine.counts.full_time >= 1)
    assert.equal(Number(await textOf(page.locator(`${byTest('training-offices-total-offices')} ${byTest('stat-value')}`))), board.totals.offices)
    assert.equal(Number(await textOf(page.locator(`${byTest('training-offices-total-members')} ${byTest('stat-value')}`))), board.totals.members)
    await expectNoSidewaysScroll(page, '队伍建设看板 at a desk')
    await expectAccessible(page, '队伍建设看板 at a desk')
    await screenshot(page, 'training-offices-board-desktop')

    // 只看未达标: the school is met, so it goes; every row left is 未达标.
    await page.click(byTest('training-offices-board-fail-only'))
    await school.waitFor({ state: 'detached' })
    const outcomes = await page.locator(`${byTest('training-offices-board-table')} .el-table__body ${byTest('row-check-outcome')}`).allInnerTexts()
    assert.ok(outcomes.every((o) => o.trim() === '未达标'), outcomes.join())
    assert.equal(await page.getAttribute(byTest('training-offices-total-failing'), 'aria-pressed'), 'true')
    await page.click(byTest('training-offices-board-fail-only'))
    await school.waitFor()

    // 导出: 安全监管机构.xlsx, the school in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('training-offices-board-export'))])
    assert.equal(download.suggestedFilename(), '安全监管机构.xlsx')
    const file = join(resultsDir, 'training-offices-board.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(SCHOOL) && sheet.includes('专职') && sheet.includes('达标'), 'the export lists the school and its verdict')

    // The school's name opens its office: 达标, the new member in it.
    await page.click(byTest(`training-offices-board-unit-${SCHOOL_ID}`))
    await page.waitForURL(new RegExp(`/training/offices\\?unit_id=${SCHOOL_ID}$`))
    await page.waitForSelector(byTest('training-office-editor'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('training-office-unit-name'))), SCHOOL)
    assert.equal(await textOf(page.locator(byTest('training-office-check-outcome'))), '达标')
    assert.equal(await page.inputValue(byTest('training-office-member-row-2-name')), NEW)
    await expectAccessible(page, 'a school’s safety office for the bureau at a desk')

    // Without a link: the bureau's own office, no verdict (the rule judges schools).
    const own = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/staffing/offices/${bureau.unit_id}`)
    await page.goto(`${server.url}/training/offices`)
    assert.equal((await own).status(), 200)
    await page.waitForSelector(byTest('training-office-editor'))
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('training-office-unit-name'))), bureau.unit_name)
    assert.equal(await textOf(page.locator(byTest('training-office-unit-kind'))), '教育局')
    assert.equal(await page.inputValue(byTest('training-office-name')), bureau.office_name)
    assert.equal(await page.locator(byTest('training-office-check')).count(), 0)
    assert.equal(await memberRows(page).count(), bureau.counts.members)
    await expectAccessible(page, 'the bureau’s own safety office at a desk')
    await screenshot(page, 'training-office-bureau-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
