// 联防联控 in a real browser. (1) The bureau's safety office, at a desk, opens 联防联控 from the menu
// under 1530与安全教育 and issues a task through 下达任务 — a title, what is asked, 巡查水域 and
// 设置警示标志, ten days from today (China) to report by, and the departments of dept1_liaison and
// dept2_liaison (found through the API, as /api/v1/auth/me names their units) — and finds it first
// in the list with 已报告 0 / 2. (2) dept1_liaison, on a phone, finds the task in 我的待办
// (联防联控任务待报告; else opens /edu/joint), opens it, reports 工作情况 with 12 / 8 / 2 / 1 and one
// 现场照片 (uploaded at once, sent by id) and sees the department 已报告 with the photo's thumbnail
// (which opens large), the form now 更新报告. (3) The safety office finds dept1's row 已报告 with its
// 12 waters patrolled and its photo, dept2's 待报告, and the list says 已报告 1 / 2. Each page is
// checked with axe (WCAG 2.1 AA), for sideways scrolling, and for errors thrown in the page.
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
/** The photo dept1 reports with. */
let photo

const TITLE = `e2e 暑期水域巡查 ${Date.now()}`
const TEXT = '暑期每周巡查辖区河道、水塘、水库，在危险水域设置警示标志，发现隐患及时处置并报告教育局。'
const REPORT = '组织巡查辖区河道、水塘 12 处，新设警示标志 8 块，加固防护栏 2 处，发现并移交隐患 1 处（端到端）'
const COUNTS = { patrolled: '12', signs: '8', fences: '2', hazards: '1' }

/** What one part finds and the next uses. */
const shared = {
  /** The two departments: { id, name } of dept1_liaison's and dept2_liaison's units. */
  dept1: null,
  dept2: null,
  /** The bureau's unit name (the issuing bureau). */
  bureau: '',
  taskId: 0,
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-joint-'))
  photo = join(tmp, 'river.png')
  writeFileSync(photo, png([40, 120, 200]))
  server = await startServer()
  browser = await launchBrowser()
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

/** The China date `days` from today (YYYY-MM-DD). */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10)
}

/** The unit of an account, as /api/v1/auth/me names it. */
async function unitOf(username) {
  const api = await apiSession(server, username)
  const r = await api('/api/v1/auth/me')
  assert.equal(r.status, 200, await r.clone().text())
  const me = await r.json()
  return { id: me.unit.id, name: me.unit.name, kind: me.unit.kind }
}

/** Types a day into an Element Plus date picker wrapped in `test` and takes it. */
async function pickDate(page, test, date) {
  const input = page.locator(`${byTest(test)} input`)
  await input.fill(date)
  await page.keyboard.press('Enter')
  assert.equal(await input.inputValue(), date)
}

/** The card of the task in the list. */
const rowOf = (page) => page.locator(byTest('joint-row'), { has: page.locator(byTest('joint-open'), { hasText: TITLE }) })

/** Waits for the list to have answered (tasks or 暂无联防联控任务). */
async function listLoaded(page) {
  await page.waitForSelector(`${byTest('joint-list')}, ${byTest('joint-empty')}`)
  await settled(page)
}

describe('联防联控', () => {
  it('(1) the bureau opens 联防联控 from the menu and issues a task to two departments', async () => {
    shared.dept1 = await unitOf('dept1_liaison')
    shared.dept2 = await unitOf('dept2_liaison')
    assert.equal(shared.dept1.kind, 'department')
    assert.equal(shared.dept2.kind, 'department')
    assert.notEqual(shared.dept1.id, shared.dept2.id)
    shared.bureau = (await unitOf('safety_office')).name

    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('edu-joint'), 'the menu lists 联防联控')
    const item = page.locator(byTest('menu-edu-joint'))
    if (!(await item.isVisible())) await page.click(byTest('menu-group-education'))
    await item.click()
    await page.waitForURL(/\/edu\/joint$/)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '联防联控')
    await listLoaded(page)
    await expectNoSidewaysScroll(page, '联防联控 at a desk')
    await expectAccessible(page, '联防联控 at a desk')

    // 下达任务 opens the dialog.
    const add = page.locator(byTest('joint-add'))
    assert.equal((await add.innerText()).trim(), '下达任务')
    await add.click()
    const dialog = page.locator(`${byTest('joint-dialog')}:visible`)
    await dialog.waitFor()
    // Nothing filled: the dialog says what is missing and sends nothing.
    await page.click(byTest('joint-submit'))
    const titleError = page.locator('.el-form-item', { has: page.locator(byTest('joint-title')) }).locator('.el-form-item__error')
    await titleError.waitFor()
    assert.equal((await titleError.innerText()).trim(), '请填写任务标题')
    const departmentsError = page.locator('.el-form-item', { has: page.locator(byTest('joint-departments')) }).locator('.el-form-item__error')
    assert.equal((await departmentsError.innerText()).trim(), '请至少选择一个成员单位')

    await page.fill(byTest('joint-title'), TITLE)
    await page.fill(byTest('joint-text'), TEXT)
    for (const code of ['patrol', 'signs']) {
      await page.click(byTest(`joint-kind-${code}`))
      assert.equal(await page.locator(`${byTest(`joint-kind-${code}`)} input`).isChecked(), true, `${code} is ticked`)
    }
    assert.equal(await page.locator(`${byTest('joint-kind-rescue')} input`).isChecked(), false)
    await pickDate(page, 'joint-due', chinaDate(10))
    // The departments: each shown with its kind; the two liaisons' picked.
    await page.click(byTest('joint-departments'))
    for (const d of [shared.dept1, shared.dept2]) {
      const option = page.locator(`.el-select-dropdown:visible ${byTest(`joint-dept-option-${d.id}`)}`)
      await option.waitFor()
      assert.ok((await option.innerText()).includes(d.name), `the option names ${d.name}`)
      await option.click()
    }
    await page.click(`${byTest('joint-dialog')} .el-dialog__title`) // closes the dropdown
    await page.waitForSelector('.el-select-dropdown:visible', { state: 'hidden' })
    const chosen = await page.locator(`${byTest('joint-departments')} .el-tag:visible`).allInnerTexts()
    assert.equal(chosen.length, 2, `two departments are chosen: ${chosen.join(', ')}`)
    assert.ok(chosen[0].includes(shared.dept1.name) && chosen[1].includes(shared.dept2.name), chosen.join(', '))
    await expectAccessible(page, 'the 下达任务 dialog at a desk')
    await screenshot(page, 'edu-joint-dialog-desktop')
    await page.click(byTest('joint-submit'))
    await page.waitForSelector(byTest('joint-dialog'), { state: 'hidden' })

    // Listed first: its kinds, the day to report by, the bureau, nobody reported yet.
    const row = rowOf(page)
    await row.waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('joint-row')).first().getAttribute('data-id'), await row.getAttribute('data-id'))
    shared.taskId = Number(await row.getAttribute('data-id'))
    assert.ok(shared.taskId > 0)
    assert.equal((await row.locator(byTest('joint-progress')).innerText()).trim(), '已报告 0 / 2')
    assert.deepEqual((await row.locator(`${byTest('joint-row-kinds')} .el-tag`).allInnerTexts()).map((s) => s.trim()), ['巡查水域', '设置警示标志'])
    assert.match(await row.locator(byTest('joint-row-due')).innerText(), new RegExp(chinaDate(10)))
    assert.equal((await row.locator(byTest('joint-unit')).innerText()).trim(), shared.bureau)
    assert.equal(await row.locator(byTest('joint-overdue')).count(), 0)
    assert.equal(await row.locator(byTest('joint-delete')).count(), 1, 'the office may withdraw it while nobody reported')
    await expectNoSidewaysScroll(page, '联防联控 with the task at a desk')
    await expectAccessible(page, '联防联控 with the task at a desk')
    await screenshot(page, 'edu-joint-list-desktop')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees.
    const office = await apiSession(server, 'safety_office')
    const r = await office(`/api/v1/edu/joint-tasks/${shared.taskId}`)
    assert.equal(r.status, 200, await r.clone().text())
    const saved = await r.json()
    assert.equal(saved.title, TITLE)
    assert.equal(saved.text, TEXT)
    assert.deepEqual(saved.kinds, ['patrol', 'signs'])
    assert.equal(saved.due_on, chinaDate(10))
    assert.deepEqual(
      saved.departments.map((d) => d.department_id),
      [shared.dept1.id, shared.dept2.id],
    )
    assert.deepEqual(
      saved.departments.map((d) => d.state),
      ['pending', 'pending'],
    )
  })

  it('(2) dept1’s liaison on a phone opens the task and reports 12 / 8 / 2 / 1 with a photo', async () => {
    assert.ok(shared.taskId > 0, 'part (1) issued the task')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'dept1_liaison')
    // 我的待办: 联防联控任务待报告, when the server lists it, leads to the task.
    await page.waitForSelector(`${byTest('my-tasks')} :is([data-test^="task-group-"], ${byTest('my-tasks-none')}, ${byTest('my-tasks-error')})`)
    const group = page.locator(`${byTest('my-tasks')} ${byTest('task-group-edu.joint')}`)
    const link = group.locator(byTest('task-item-link'), { hasText: TITLE })
    if ((await group.count()) > 0 && (await link.count()) > 0) {
      assert.equal((await group.locator(byTest('task-group-label')).innerText()).trim(), '联防联控任务待报告')
      assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/edu/joint')
      assert.equal(await link.getAttribute('href'), `/edu/joint/${shared.taskId}`)
      await expectNoSidewaysScroll(page, '我的待办 of a department at 375 px')
      await link.click()
    } else {
      await page.goto(`${server.url}/edu/joint`)
      await listLoaded(page)
      const row = rowOf(page)
      await row.waitFor()
      assert.equal((await row.locator(byTest('joint-own-state')).innerText()).trim(), '待报告')
      await expectNoSidewaysScroll(page, '联防联控 of a department at 375 px')
      await expectAccessible(page, '联防联控 of a department at 375 px')
      await row.locator(byTest('joint-open')).click()
    }
    await page.waitForURL(new RegExp(`/edu/joint/${shared.taskId}$`))
    await page.locator(byTest('joint-task-title'), { hasText: TITLE }).waitFor()
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '联防联控任务')

    // The department's row: its state said in words, no report yet; the form to report.
    const row = page.locator(byTest(`joint-dept-${shared.dept1.id}`))
    assert.equal((await row.locator(byTest('joint-state')).innerText()).trim(), '待报告')
    const form = page.locator(byTest('joint-report-form'))
    await form.waitFor()
    assert.equal((await form.locator(byTest('joint-own-state')).innerText()).trim(), '待报告')
    const submit = page.locator(byTest('joint-report-submit'))
    assert.equal((await submit.innerText()).trim(), '提交报告')
    await page.fill(byTest('joint-report-text'), REPORT)
    for (const [key, value] of Object.entries(COUNTS)) {
      const input = page.locator(`${byTest(`joint-count-${key}`)} input`)
      await input.fill(value)
      await input.press('Tab')
      assert.equal(await input.inputValue(), value, key)
    }
    // 现场照片: uploaded at once, shown in the uploader.
    const photos = page.locator(byTest('joint-report-photos'))
    assert.equal(
      (await page.locator('.el-form-item', { has: photos }).locator('.el-form-item__label').innerText()).trim(),
      '现场照片（选填）',
    )
    await page.setInputFiles(byTest('joint-report-photo-input'), photo)
    await page.waitForSelector(`${byTest('joint-report-photos')} ${byTest('photo-thumb')} img`)
    assert.equal(await photos.locator(byTest('photo-pending')).count(), 0)
    await expectNoSidewaysScroll(page, 'the report form at 375 px')
    await expectAccessible(page, 'the report form at 375 px')
    await screenshot(page, 'edu-joint-report-375')

    await submit.click()
    // The new state at once: the department 已报告, its figures, the form now 更新报告.
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.trim() === '已报告',
      `${byTest('joint-report-form')} ${byTest('joint-own-state')}`,
    )
    assert.equal((await row.locator(byTest('joint-state')).innerText()).trim(), '已报告')
    assert.equal((await row.locator(byTest('joint-fig-patrolled')).innerText()).trim(), '12')
    assert.equal((await row.locator(byTest('joint-fig-signs')).innerText()).trim(), '8')
    assert.equal((await row.locator(byTest('joint-fig-fences')).innerText()).trim(), '2')
    assert.equal((await row.locator(byTest('joint-fig-hazards')).innerText()).trim(), '1')
    assert.match(await row.locator(byTest('joint-dept-text')).innerText(), /组织巡查辖区河道/)
    // The photo on the department's card, loaded; the uploader empty again.
    const thumb = row.locator(byTest('joint-dept-photo'))
    await thumb.locator('img').waitFor()
    assert.equal(await thumb.count(), 1)
    await page.waitForFunction((sel) => {
      const img = document.querySelector(sel)
      return !!img && img.complete && img.naturalWidth > 0
    }, `${byTest(`joint-dept-${shared.dept1.id}`)} ${byTest('joint-dept-photo')} img`)
    assert.equal(await photos.locator(byTest('photo-thumb')).count(), 0)
    assert.match(await page.locator(byTest('joint-report-photos-hint')).innerText(), /报告已附 1 张照片/)
    assert.equal((await submit.innerText()).trim(), '更新报告')
    assert.equal((await page.locator(byTest('joint-progress')).innerText()).trim(), '已报告 1 / 2')
    await expectNoSidewaysScroll(page, 'the task reported at 375 px')
    await expectAccessible(page, 'the task reported at 375 px')
    await screenshot(page, 'edu-joint-reported-375')
    // The thumbnail opens the photo large.
    await thumb.click()
    await page.waitForSelector('.el-image-viewer__wrapper')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.el-image-viewer__wrapper', { state: 'detached' })
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(3) the bureau sees dept1 已报告 with its figures and photo, dept2 待报告, and 已报告 1 / 2 in the list', async () => {
    assert.ok(shared.taskId > 0, 'part (1) issued the task')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/edu/joint`)
    await listLoaded(page)
    const listed = rowOf(page)
    await listed.waitFor()
    assert.equal((await listed.locator(byTest('joint-progress')).innerText()).trim(), '已报告 1 / 2')
    // Reported on: no longer withdrawn.
    assert.equal(await listed.locator(byTest('joint-delete')).count(), 0)
    await listed.locator(byTest('joint-open')).click()
    await page.waitForURL(new RegExp(`/edu/joint/${shared.taskId}$`))
    await page.locator(byTest('joint-task-title'), { hasText: TITLE }).waitFor()
    await settled(page)
    assert.equal(await page.locator(byTest('joint-report-form')).count(), 0, 'the bureau does not report')
    assert.equal(await page.locator(byTest('joint-delete')).count(), 0)
    assert.equal((await page.locator(byTest('joint-progress')).innerText()).trim(), '已报告 1 / 2')

    const dept1 = page.locator(byTest(`joint-dept-${shared.dept1.id}`))
    assert.equal((await dept1.locator(byTest('joint-dept-name')).innerText()).trim(), shared.dept1.name)
    assert.equal((await dept1.locator(byTest('joint-state')).innerText()).trim(), '已报告')
    assert.equal((await dept1.locator(byTest('joint-fig-patrolled')).innerText()).trim(), '12')
    assert.equal((await dept1.locator(byTest('joint-fig-signs')).innerText()).trim(), '8')
    assert.match(await dept1.locator(byTest('joint-dept-by')).innerText(), /报告于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    // dept1's photo, readable by the bureau.
    await dept1.locator(`${byTest('joint-dept-photo')} img`).waitFor()
    await page.waitForFunction((sel) => {
      const img = document.querySelector(sel)
      return !!img && img.complete && img.naturalWidth > 0
    }, `${byTest(`joint-dept-${shared.dept1.id}`)} ${byTest('joint-dept-photo')} img`)
    assert.equal(await page.locator(`${byTest(`joint-dept-${shared.dept2.id}`)} ${byTest('joint-dept-files')}`).count(), 0)
    const dept2 = page.locator(byTest(`joint-dept-${shared.dept2.id}`))
    assert.equal((await dept2.locator(byTest('joint-dept-name')).innerText()).trim(), shared.dept2.name)
    assert.equal((await dept2.locator(byTest('joint-state')).innerText()).trim(), '待报告')
    assert.equal((await dept2.locator(byTest('joint-fig-patrolled')).innerText()).trim(), '—')
    await expectNoSidewaysScroll(page, 'the task at a desk')
    await expectAccessible(page, 'the task at a desk')
    await screenshot(page, 'edu-joint-task-desktop')

    // The server agrees.
    const office = await apiSession(server, 'safety_office')
    const task = await (await office(`/api/v1/edu/joint-tasks/${shared.taskId}`)).json()
    assert.equal(task.reported, 1)
    const report = task.departments.find((d) => d.department_id === shared.dept1.id).report
    assert.deepEqual([report.patrolled, report.signs, report.fences, report.hazards], [12, 8, 2, 1])
    assert.equal(report.text, REPORT)
    assert.equal(report.files.length, 1)
    assert.equal(report.files[0].content_type.startsWith('image/'), true)
    assert.equal(task.departments.find((d) => d.department_id === shared.dept2.id).report, null)
    assert.deepEqual(errors, [])
    await context.close()
  })
})
