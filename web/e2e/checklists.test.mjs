// 检查表 in a real browser. The bureau's safety office opens the shipped 学生宿舍消防安全检查表, finds
// no 修订 on it and copies it as its own; revises the copy (a refused limit first, placed beside its
// field, then an item's new text) and sees 第 2 版, switches back to 第 1 版 which still reads the old
// text, and exports the items. It imports a spreadsheet — first one with a row of an unknown 隐患类别,
// refused and listed in the dialog, then the exported file as a new template. A school's safety
// officer, on a phone, finds the bureau's copy in the list and opens it without 修订 or 复制.
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
const SHIPPED = '学生宿舍消防安全检查表'
const OLD_TEXT = '疏散通道、安全出口畅通，无堵塞、锁闭，常闭式防火门处于关闭状态'
const NEW_TEXT = '疏散通道、安全出口畅通，夜间宿舍楼出口不得上锁（端到端修订）'
const IMPORTED = '宿舍消防检查表（端到端导入）'
/** The name of safety_office's bureau. */
let bureauName
/** The shipped template, the bureau's copy (version 1) and its revision (version 2). */
let shippedId
let copyId
let revisedId
/** The items exported from the revision. */
let exported

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-checklists-'))
  const api = await apiSession(server, 'safety_office')
  bureauName = (await (await api('/api/v1/auth/me')).json()).unit.name
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

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

const idOf = (url) => Number(new URL(url).pathname.split('/').pop())

describe('checklists', () => {
  it('the bureau copies the shipped dormitory checklist, revises the copy to 第 2 版 and exports it', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('checklists'))
    await page.click(byTest('menu-checklists'))
    await page.waitForURL(/\/checklists$/)
    const row = page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: SHIPPED }).first()
    await row.waitFor()
    assert.equal((await row.locator(byTest('row-owner')).innerText()).trim(), '系统内置')
    assert.equal((await row.locator(byTest('row-version')).innerText()).trim(), '第 1 版')
    assert.equal((await row.locator(byTest('row-applies')).innerText()).trim(), '仅寄宿制学校')
    assert.equal((await row.locator(byTest('row-items')).innerText()).trim(), '8')
    assert.ok(await page.$(byTest('add')), '新建检查表 for the bureau')
    assert.ok(await page.$(byTest('import')), '导入 for the bureau')
    await screenshot(page, 'checklists-desktop')
    await expectAccessible(page, 'the checklists')

    // The shipped template: no 修订, a hint to copy it first.
    await row.locator(byTest('row-link')).click()
    await page.waitForURL(/\/checklists\/\d+$/)
    shippedId = idOf(page.url())
    await page.waitForSelector(byTest('checklist-info'))
    assert.equal((await page.locator(byTest('checklist-name')).innerText()).trim(), SHIPPED)
    assert.equal((await page.locator(byTest('checklist-owner')).innerText()).trim(), '系统内置')
    assert.match(await page.locator(byTest('checklist-shipped-hint')).innerText(), /复制为本单位的检查表/)
    assert.equal(await page.locator(byTest('checklist-edit')).count(), 0)
    assert.equal(await page.locator(byTest('checklist-import')).count(), 0)
    assert.equal((await page.locator(byTest('item-limit-D08')).innerText()).trim(), '≥ 1.1 米')
    assert.equal((await page.locator(byTest('item-text-D01')).innerText()).trim(), OLD_TEXT)
    await screenshot(page, 'checklist-detail-desktop')
    await expectAccessible(page, 'the shipped checklist')

    // Copied as the bureau's own, under the proposed name.
    await page.click(byTest('checklist-copy'))
    await page.waitForSelector(`${byTest('copy-dialog')}:visible`)
    assert.equal(await page.inputValue(byTest('copy-name')), `${SHIPPED}（${bureauName}）`)
    await expectAccessible(page, 'the copy dialog')
    await page.click(byTest('copy-confirm'))
    await page.waitForURL((url) => /\/checklists\/\d+$/.test(url.pathname) && idOf(url.href) !== shippedId)
    copyId = idOf(page.url())
    await page.locator(byTest('checklist-owner'), { hasText: bureauName }).waitFor()
    assert.equal((await page.locator(byTest('checklist-name')).innerText()).trim(), `${SHIPPED}（${bureauName}）`)
    assert.equal((await page.locator(byTest('checklist-version')).innerText()).trim(), '第 1 版')
    assert.equal(await page.locator(byTest('checklist-shipped-hint')).count(), 0)

    // 修订: an upper limit below the lower one is refused beside its field, then the item's new text.
    await page.click(byTest('checklist-edit'))
    await page.waitForURL(new RegExp(`/checklists/${copyId}/edit$`))
    await page.waitForSelector(byTest('checklist-form'))
    await page.waitForFunction((sel) => document.querySelector(sel)?.value?.length > 0, byTest('item-0-text'))
    assert.equal(await page.inputValue(byTest('item-0-text')), OLD_TEXT)
    assert.equal(await page.inputValue(byTest('item-7-unit')), '米')
    await page.fill(`${byTest('item-7-max')} input`, '0.5')
    await page.keyboard.press('Tab')
    await page.click(byTest('save'))
    await fieldError(page, 'item-7-max').waitFor()
    assert.equal((await fieldError(page, 'item-7-max').innerText()).trim(), '上限不能小于下限')
    assert.match(page.url(), new RegExp(`/checklists/${copyId}/edit$`))
    await expectAccessible(page, 'the revision form with a refused limit')
    await page.fill(`${byTest('item-7-max')} input`, '')
    await page.keyboard.press('Tab')
    await page.fill(byTest('item-0-text'), NEW_TEXT)
    await expectNoSidewaysScroll(page, 'the revision form')
    await tallScreenshot(page, 'checklist-form-desktop')
    await page.click(byTest('save'))
    await page.locator('.el-message', { hasText: '已保存为第 2 版' }).waitFor()
    await page.waitForURL((url) => /\/checklists\/\d+$/.test(url.pathname) && idOf(url.href) !== copyId)
    revisedId = idOf(page.url())
    await page.locator(byTest('checklist-version'), { hasText: '第 2 版' }).waitFor()
    assert.equal((await page.locator(byTest('item-text-D01')).innerText()).trim(), NEW_TEXT)
    assert.equal((await page.locator(byTest('item-limit-D08')).innerText()).trim(), '≥ 1.1 米')
    assert.ok(await page.$(byTest('checklist-edit')), 'the newest version is revised')

    // Back to 第 1 版: the old text, a note naming the newest, nothing to revise.
    await page.click(byTest('checklist-versions'))
    await page.locator(`${byTest('version-option-1')}:visible`).click()
    await page.waitForURL(new RegExp(`/checklists/${copyId}$`))
    await page.locator(byTest('checklist-old-version'), { hasText: '这是第 1 版，最新为第 2 版' }).waitFor()
    await page.locator(byTest('item-text-D01'), { hasText: OLD_TEXT }).waitFor()
    assert.equal((await page.locator(byTest('checklist-version')).innerText()).trim(), '第 1 版')
    assert.equal(await page.locator(byTest('checklist-edit')).count(), 0)
    await expectAccessible(page, 'an old version')

    // The newest again, exported.
    await page.click(byTest('checklist-newest-link'))
    await page.waitForURL(new RegExp(`/checklists/${revisedId}$`))
    await page.locator(byTest('item-text-D01'), { hasText: NEW_TEXT }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('checklist-export'))])
    assert.equal(download.suggestedFilename(), '检查表.xlsx')
    exported = join(resultsDir, 'checklist-export.xlsx')
    await download.saveAs(exported)
    const sheet = xlsxText(exported)
    for (const header of ['编号', '检查内容', '隐患类别', '检查部位', '回答方式', '下限', '上限', '单位', '须拍照', '不合格时隐患等级', '依据']) {
      assert.ok(sheet.includes(header), header)
    }
    assert.ok(sheet.includes(NEW_TEXT), 'the revised text')
    assert.ok(!sheet.includes(OLD_TEXT), 'not the old one')
    assert.ok(sheet.includes('学生宿舍') && sheet.includes('消防安全'), 'places and domains in Chinese')

    const api = await apiSession(server, 'safety_office')
    const versions = await (await api(`/api/v1/checklist-templates/${revisedId}`)).json()
    assert.equal(versions.version, 2)
    assert.equal(versions.can_edit, true)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau imports a spreadsheet: a row of an unknown 隐患类别 refused, then the export as a new checklist', async () => {
    assert.ok(exported, 'the items were exported')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/checklists`)
    await page.waitForSelector(byTest('table'))
    await page.click(byTest('import'))
    await page.waitForSelector(`${byTest('import-dialog')}:visible`)
    await page.fill(byTest('import-name'), IMPORTED)

    const bad = join(tmp, 'bad-checklist.csv')
    writeFileSync(
      bad,
      [
        '编号,检查内容,隐患类别,检查部位,回答方式,下限,上限,单位,须拍照,不合格时隐患等级,依据',
        'A01,宿管人员夜间在岗,消防安全,学生宿舍,合格/不合格/不适用,,,,否,一般隐患,',
        'A02,宿舍楼内无外来人员滞留,外星入侵,学生宿舍,合格/不合格/不适用,,,,否,一般隐患,',
      ].join('\n'),
    )
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, bad)
    await page.click(byTest('import-start'))
    await page.waitForSelector(`${byTest('import-errors')} .el-table__row`)
    assert.match(await page.locator(byTest('import-summary')).innerText(), /未写入任何数据/)
    const refused = await page.locator(`${byTest('import-errors')} .el-table__row`).allInnerTexts()
    assert.ok(
      refused.some((r) => /^3\b/.test(r.trim()) && r.includes('隐患类别') && r.includes('外星入侵')),
      refused.join(' | '),
    )
    assert.equal(await page.locator(byTest('import-created')).count(), 0)
    await expectAccessible(page, 'the checklist import with a refused row')

    // The exported spreadsheet: a new checklist of the bureau, its eight items.
    await page.setInputFiles(`${byTest('import-dialog')} input[type=file]`, exported)
    await page.click(byTest('import-start'))
    await page.locator(byTest('import-summary'), { hasText: '导入完成' }).waitFor()
    assert.match(await page.locator(byTest('import-created')).innerText(), new RegExp(IMPORTED.replace(/[()（）]/g, '.')))
    await page.click(byTest('import-open'))
    await page.waitForURL(/\/checklists\/\d+$/)
    await page.waitForSelector(`${byTest('import-dialog')}`, { state: 'hidden' })
    await page.locator(byTest('checklist-name'), { hasText: IMPORTED }).waitFor()
    assert.equal((await page.locator(byTest('checklist-owner')).innerText()).trim(), bureauName)
    assert.equal((await page.locator(byTest('checklist-version')).innerText()).trim(), '第 1 版')
    assert.equal(await page.locator('[data-test="item-key"]').count(), 8)
    assert.equal((await page.locator(byTest('item-text-D01')).innerText()).trim(), NEW_TEXT)
    await expectAccessible(page, 'the imported checklist')

    // In the list, at its first version.
    await page.goto(`${server.url}/checklists`)
    await page.fill(byTest('search-q'), '端到端导入')
    await page.press(byTest('search-q'), 'Enter')
    const row = page.locator(`${byTest('table')} .el-table__body .el-table__row`, { hasText: IMPORTED }).first()
    await row.waitFor()
    assert.equal((await row.locator(byTest('row-items')).innerText()).trim(), '8')
    assert.equal((await row.locator(byTest('row-owner')).innerText()).trim(), bureauName)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('a school’s safety officer, on a phone, opens the bureau’s copy without 修订 or 复制', async () => {
    assert.ok(revisedId, 'the bureau revised its copy')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.goto(`${server.url}/checklists`)
    await page.waitForSelector(byTest('checklist-cards'))
    assert.equal(await page.locator(byTest('table')).count(), 0, 'cards on a phone')
    assert.equal(await page.locator(byTest('add')).count(), 0)
    assert.equal(await page.locator(byTest('import')).count(), 0)
    assert.equal(await page.locator(byTest('row-copy')).count(), 0)
    await page.fill(byTest('search-q'), bureauName)
    await page.press(byTest('search-q'), 'Enter')
    const card = page.locator(byTest(`checklist-${revisedId}`))
    await card.waitFor()
    assert.equal((await card.locator('h2').innerText()).trim(), `${SHIPPED}（${bureauName}）`)
    assert.equal((await card.locator(byTest('row-version')).innerText()).trim(), '第 2 版')
    assert.equal((await card.locator(byTest('row-owner')).innerText()).trim(), bureauName)
    // The pager is reachable: its total (on a line of its own on a phone) and its page buttons on the screen.
    for (const part of [byTest('page-total'), '.el-pagination .btn-prev', '.el-pagination .btn-next']) {
      const box = await page.locator(part).first().boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${part}: ${JSON.stringify(box)}`)
    }
    await expectNoSidewaysScroll(page, 'the checklists at 375 px')
    await screenshot(page, 'checklists-375')
    await expectAccessible(page, 'the checklists at 375 px')

    await card.locator(byTest('row-link')).click()
    await page.waitForURL(new RegExp(`/checklists/${revisedId}$`))
    await page.waitForSelector(byTest('checklist-info'))
    await page.locator(byTest('item-text-D01'), { hasText: NEW_TEXT }).waitFor()
    assert.ok(await page.$(byTest('item-cards')), 'the items as cards')
    assert.equal(await page.locator(byTest('checklist-edit')).count(), 0)
    assert.equal(await page.locator(byTest('checklist-copy')).count(), 0)
    assert.equal(await page.locator(byTest('checklist-import')).count(), 0)
    assert.ok(await page.$(byTest('checklist-export')))
    await expectNoSidewaysScroll(page, 'the bureau’s checklist at 375 px')
    await tallScreenshot(page, 'checklist-detail-375')
    await expectAccessible(page, 'the bureau’s checklist at 375 px')

    // Writing is the bureau's: the form is refused.
    await page.goto(`${server.url}/checklists/new`)
    await page.waitForSelector(byTest('forbidden'))
    assert.deepEqual(errors, [])
    await context.close()
  })
})
