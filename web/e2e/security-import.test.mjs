// The security record's lists in and out of Excel, in a real browser. The school's record is first
// set over the API with two guards. The school's safety officer, on a phone, opens 导入/导出 on the
// record, imports 保安员: downloads the template, sends a file built from it with a row of a wrong
// 是否专职 (refused, the row listed in the dialog, nothing written), then one keeping a guard and
// adding another (新增 1 条，更新 1 条，删除 1 条), and sees the record follow: the guard added shown,
// the one left out of the file gone. The bureau's safety office exports the guard roster from the
// board and finds the guard there, and reaches the control on a phone.
// Accounts from Excel too: the system administrator filters the users by a unit of the tree, imports
// a file with a wrong 手机号 (refused, the row listed), then the file put right, and is shown the
// new accounts' initial passwords once; the list shows their mobile numbers masked; on a phone the
// users are cards under a unit select.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
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
/** Today in China (the server's calendar day). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const SCHOOL = '示范区双桥小学'
/** Kept by the import (same 姓名: updated), left out of the file (removed), added by it. */
const KEPT = '张卫东（导入）'
const DROPPED = '赵刚（导入）'
const ADDED = '孙立新（导入）'
const HEADER = ['学校代码', '学校名称', '姓名', '是否专职', '保安员证编号', '出生日期', '所属单位', '班次']
let schoolId
let schoolCode
let imported = false

/** A guard's row of the file. */
const guardRow = (name, fullTime, license) => [schoolCode, SCHOOL, name, fullTime, license, '1982-04-10', '示范区保安服务公司', '白班']

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-security-import-'))
  const api = await apiSession(server, 'school1_safety')
  const me = await (await api('/api/v1/auth/me')).json()
  assert.equal(me.unit.name, SCHOOL)
  schoolId = me.unit.id
  const bureau = await apiSession(server, 'safety_office')
  const school = await (await bureau(`/api/v1/schools/${schoolId}`)).json()
  schoolCode = school.code
  assert.ok(schoolCode, `the school has a code: ${JSON.stringify(school)}`)
  const r = await api(`/api/v1/schools/${schoolId}/security`)
  assert.equal(r.status, 200, await r.clone().text())
  const record = await r.json()
  const guard = (name, license) => ({ name, full_time: true, license_no: license, birth_date: '1980-05-01', employer: '示范区保安服务公司', shifts: '白班' })
  const put = await api(`/api/v1/schools/${schoolId}/security`, {
    method: 'PUT',
    body: JSON.stringify({
      version: record.version,
      has_canteen: record.has_canteen,
      perimeter: true,
      gate_controlled: true,
      visitor_register: true,
      gate_house_staffed: true,
      guards: [guard(KEPT, '鄂420100011'), guard(DROPPED, '鄂420100012')],
      alarms: [{ location: '门卫室', linked_110: true, linked_bureau: true, last_test: today }],
      video: { areas: record.video_areas.map((a) => a.code), retention_days: 30, open_fault_since: null, last_repair: null },
      posts: [
        { gate: '南门', peak: 'morning', people: 3, kinds: ['police', 'guard', 'teacher'] },
        { gate: '南门', peak: 'afternoon', people: 3, kinds: ['auxiliary', 'guard', 'teacher'] },
      ],
      patrols_per_day: 6,
    }),
  })
  assert.equal(put.status, 200, await put.clone().text())
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** Fails unless the element is shown whole inside the viewport's width. */
async function expectWithinWidth(page, selector, label) {
  const box = await page.locator(selector).boundingBox()
  assert.ok(box, `${label}: shown`)
  const width = page.viewportSize().width
  assert.ok(box.x >= 0 && box.x + box.width <= width + 1, `${label}: ${box.x}–${box.x + box.width} px in ${width} px`)
}

/** The guards shown on the record. */
async function guardsShown(page) {
  return (await page.locator(byTest('view-guard')).allInnerTexts()).join(' | ')
}

describe('保安员 in and out of Excel', () => {
  it('the school’s safety officer imports its guards from the template on a phone', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/security/schools/${schoolId}`)
    await page.waitForSelector(byTest('security-view'))
    assert.match(await guardsShown(page), new RegExp(DROPPED.replace(/[()（）]/g, '.')))

    // The control fits the phone's head row.
    await expectWithinWidth(page, byTest('security-lists'), '导入/导出 at 375 px')
    await expectNoSidewaysScroll(page, 'the security record with 导入/导出 at 375 px')
    await page.click(byTest('security-lists'))
    await page.locator(byTest('security-import-guards')).waitFor()
    await expectWithinWidth(page, byTest('security-import-guards'), '导入保安员 at 375 px')
    await page.click(byTest('security-import-guards'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    assert.match(await dialog.locator('.el-dialog__title').innerText(), /导入保安员/)
    assert.match(await page.locator(byTest('security-import-note')).innerText(), /保安员整体替换/)

    // The template.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('template'))])
    assert.equal(download.suggestedFilename(), '保安员导入模板.xlsx')
    const template = join(tmp, 'guards-template.xlsx')
    await download.saveAs(template)
    const header = xlsxText(template)
    for (const h of HEADER) assert.ok(header.includes(h), `the template has ${h}`)

    // A wrong 是否专职 on the file's third row: refused, listed, nothing written.
    const bad = join(tmp, 'guards-bad.xlsx')
    sheetFromTemplate(template, bad, [HEADER, guardRow(KEPT, '是', '鄂420100011'), guardRow(ADDED, '也许', '鄂420100013')])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, bad)
    await page.click(byTest('import-start'))
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const refused = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(
      refused.some((r) => /^3\b/.test(r.trim()) && r.includes('是否专职')),
      refused.join(' | '),
    )
    await expectNoSidewaysScroll(page, 'the guards import with a refused row at 375 px')
    await screenshot(page, 'security-import-refused-375')
    await expectAccessible(page, 'the guards import with a refused row at 375 px')

    // The file put right: one guard kept, one added, the one left out removed.
    const good = join(tmp, 'guards.xlsx')
    sheetFromTemplate(template, good, [HEADER, guardRow(KEPT, '是', '鄂420100011'), guardRow(ADDED, '是', '鄂420100013')])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, good)
    await page.click(byTest('import-start'))
    await page.locator(byTest('import-summary'), { hasText: '导入完成' }).waitFor()
    assert.equal((await page.locator(byTest('import-summary')).innerText()).trim(), '导入完成：新增 1 条，更新 1 条，删除 1 条')
    imported = true
    await page.keyboard.press('Escape')
    await page.waitForSelector(`${byTest('import-dialog')}`, { state: 'hidden' })

    // The record follows.
    await page.waitForFunction((name) => [...document.querySelectorAll('[data-test="view-guard"]')].some((e) => e.textContent.includes(name)), ADDED)
    const shown = await guardsShown(page)
    assert.ok(shown.includes(KEPT), shown)
    assert.ok(!shown.includes(DROPPED), shown)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau exports the guard roster from the board, and reaches the control on a phone', async () => {
    assert.ok(imported, 'the school imported its guards')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/security/board`)
    await page.waitForSelector(byTest('board-rates'))
    assert.equal((await page.locator(byTest('security-lists')).innerText()).trim(), '导入/导出')
    await page.click(byTest('security-lists'))
    await page.locator(byTest('security-export-guards')).waitFor()
    assert.equal(await page.locator(`${byTest('security-import-guards')}:visible`).count(), 1, 'the bureau holds security:record')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('security-export-guards'))])
    assert.equal(download.suggestedFilename(), '保安员名册.xlsx')
    const file = join(resultsDir, 'security-guards-export.xlsx')
    await download.saveAs(file)
    const sheet = xlsxText(file)
    assert.ok(sheet.includes(ADDED), 'the roster holds the guard imported')
    assert.ok(sheet.includes(SCHOOL), 'by school')
    assert.ok(!sheet.includes(DROPPED), 'not the guard removed')
    await expectAccessible(page, 'the security board with 导入/导出')
    assert.deepEqual(errors, [])
    await context.close()

    const phone = await newPage(browser, PHONE)
    await login(phone.page, server, 'safety_office')
    await phone.page.goto(`${server.url}/security/board`)
    await phone.page.waitForSelector(byTest('board-rates'))
    await expectWithinWidth(phone.page, byTest('security-lists'), '导入/导出 on the board at 375 px')
    await expectNoSidewaysScroll(phone.page, 'the security board with 导入/导出 at 375 px')
    await phone.page.click(byTest('security-lists'))
    await phone.page.locator(byTest('security-export-posts')).waitFor()
    await expectWithinWidth(phone.page, byTest('security-export-posts'), '导出护学岗登记 at 375 px')
    await screenshot(phone.page, 'security-board-lists-375')
    assert.deepEqual(phone.errors, [])
    await phone.context.close()
  })
})

describe('用户 from Excel', () => {
  const USER_HEADER = ['用户名', '姓名', '所属单位', '手机号', '有效期至']
  const userRows = `${byTest('table')} .el-table__body-wrapper .el-table__row`

  it('the system administrator imports accounts and is shown their passwords once', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await login(page, server, 'sysadmin')
    await page.goto(`${server.url}/system/users`)
    await page.waitForSelector(userRows)

    // The unit tree filters the list by unit_id; 全部 lifts it.
    const admin = await apiSession(server, 'sysadmin')
    const units = await (await admin(`/api/v1/units?q=${encodeURIComponent(SCHOOL)}`)).json()
    const school = units.items.find((u) => u.name === SCHOOL)
    assert.ok(school, JSON.stringify(units))
    await page.locator(byTest('unit-tree')).getByText('全部', { exact: true }).waitFor()
    await page.fill(`${byTest('unit-tree')} input`, '双桥')
    const filtered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users' && new URL(r.url()).searchParams.get('unit_id') === String(school.id))
    await page.click(byTest(`unit-node-${school.id}`))
    await filtered
    // The response is in; the table shows it once every row is the school's (the rows before it
    // were the whole district's).
    await page.waitForFunction(
      ({ sel, name }) => {
        const rows = [...document.querySelectorAll(sel)]
        return rows.length > 0 && rows.every((r) => r.textContent.includes(name))
      },
      { sel: userRows, name: SCHOOL },
    )
    const schoolRows = await page.locator(userRows).allInnerTexts()
    assert.ok(schoolRows.every((r) => r.includes(SCHOOL)), schoolRows.join(' | '))

    // The template, then a file whose second account has a wrong 手机号: refused, the row listed.
    await page.click(byTest('import'))
    const dialog = page.locator(`${byTest('import-dialog')}:visible`)
    await dialog.waitFor()
    assert.match(await dialog.locator('.el-dialog__title').innerText(), /导入用户/)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('template'))])
    assert.equal(download.suggestedFilename(), '用户导入模板.xlsx')
    const template = join(tmp, 'users-template.xlsx')
    await download.saveAs(template)
    const header = xlsxText(template)
    for (const h of USER_HEADER) assert.ok(header.includes(h), `the template has ${h}`)
    const bad = join(tmp, 'users-bad.xlsx')
    sheetFromTemplate(template, bad, [USER_HEADER, ['imp_li', '李导入', SCHOOL, '13812341234', ''], ['imp_wang', '王导入', SCHOOL, '2381234', '']])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, bad)
    await page.click(byTest('import-start'))
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const refused = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(refused.some((r) => /^3\b/.test(r.trim()) && r.includes('手机号')), refused.join(' | '))
    assert.equal(await page.locator(byTest('imported-passwords')).count(), 0, 'no passwords for a refused file')
    await expectAccessible(page, 'the users import with a refused row')

    // Put right: both created, their initial passwords shown once, copied in one go.
    const good = join(tmp, 'users.xlsx')
    sheetFromTemplate(template, good, [USER_HEADER, ['imp_li', '李导入', SCHOOL, '13812341234', ''], ['imp_wang', '王导入', SCHOOL, '13900002222', '2027-07-31']])
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, good)
    await page.click(byTest('import-start'))
    const passwords = page.locator(`${byTest('imported-passwords')}:visible`)
    await passwords.waitFor()
    assert.match(await passwords.locator('.el-dialog__title').innerText(), /已创建 2 个账号/)
    const shown = await page.locator(byTest('imported-password')).allInnerTexts()
    assert.equal(shown.length, 2, shown.join(' | '))
    for (const p of shown) assert.equal(p.trim().length, 16, `a 16-character password: ${p}`)
    assert.match(await passwords.innerText(), /imp_li[\s\S]*imp_wang/)
    await page.click(byTest('copy-all-passwords'))
    await page.locator(byTest('copy-all-passwords'), { hasText: '已复制' }).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    assert.ok(copied.includes(`imp_li\t李导入\t${shown[0].trim()}`), copied)
    await screenshot(page, 'users-import-passwords')
    await expectAccessible(page, 'the imported accounts’ passwords')
    await page.click(byTest('close-imported-passwords'))
    await passwords.waitFor({ state: 'hidden' })
    assert.match(await page.locator(byTest('import-summary')).innerText(), /导入完成：新增 2 条/)
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('import-dialog'), { state: 'hidden' })

    // The list shows the new accounts, their numbers masked.
    await page.fill(byTest('search-username'), 'imp_')
    await page.click(byTest('search'))
    await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].length === 2, userRows)
    const rows = await page.locator(userRows).allInnerTexts()
    assert.ok(rows.some((r) => r.includes('imp_li') && r.includes('138****1234')), rows.join(' | '))
    assert.ok(!rows.join(' ').includes('13812341234'), 'the full number is not shown')
    assert.deepEqual(errors, [])
    await context.close()

    // The account works with the password shown.
    const r = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'imp_li', password: shown[0].trim() }),
    })
    assert.equal(r.status, 200, await r.text())
  })

  it('on a phone the users are cards under a unit select, and a name and mobile are edited', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'sysadmin')
    await page.goto(`${server.url}/system/users`)
    await page.waitForSelector(`${byTest('cards')} ${byTest('card')}`)
    assert.equal(await page.locator(byTest('unit-tree')).count(), 0, 'no tree beside the list at 375 px')
    await page.locator(byTest('unit-tree-select')).waitFor()
    await expectWithinWidth(page, byTest('unit-tree-select'), 'the unit select at 375 px')
    await page.click(byTest('toggle-search'))
    await page.fill(byTest('search-username'), 'imp_wang')
    await page.click(byTest('search'))
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('[data-test="cards"] [data-test="card"]')]
      return cards.length === 1 && cards[0].textContent.includes('imp_wang')
    })
    const card = page.locator(byTest('card')).first()
    assert.equal((await card.locator(byTest('card-mobile')).innerText()).trim(), '139****2222')
    await card.locator(byTest('row-edit')).click()
    const dialog = page.locator(`${byTest('user-dialog')}:visible`)
    await dialog.waitFor()
    await dialog.locator('input[data-test="field-mobile"]').fill('1370000')
    await dialog.locator(byTest('save')).click()
    await dialog.getByText('手机号须为 11 位数字，以 1 开头').waitFor()
    await dialog.locator('input[data-test="field-display_name"]').fill('王导入改')
    await dialog.locator('input[data-test="field-mobile"]').fill('13700003333')
    const saved = page.waitForResponse((r) => /\/api\/v1\/users\/\d+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT')
    await dialog.locator(byTest('save')).click()
    assert.equal((await saved).status(), 200)
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => document.querySelector('[data-test="card-mobile"]')?.textContent.trim() === '137****3333')
    assert.match(await card.innerText(), /王导入改/)
    await expectNoSidewaysScroll(page, 'users as cards at 375 px')
    await screenshot(page, 'users-cards-375')
    await expectAccessible(page, 'users as cards at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
