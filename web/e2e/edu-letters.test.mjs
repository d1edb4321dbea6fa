// 致家长的一封信 in a real browser. The safety officer of the first demo school (school1_safety), at a
// desk, finds 致家长的一封信 under 1530与安全教育, writes a letter for 2026—2027学年第二学期 (a draft),
// publishes it (every active class gets its link), opens it and reads a class's parents' link and
// its QR code. A parent, on a phone (375×740) in a browser of their own without an account, opens
// that link, reads the letter and confirms receipt for a student as 母亲 (已确认回执); confirming
// the same student again is said to have been done before. The parent's page asks nothing but the
// public routes (no /api/v1/auth/…, nothing of the console). Back at the desk, the class shows one
// receipt and the officer sees who confirmed; the bureau sees rates but never names (403), and its
// 各校回执率 reads at 375 px.
//
// The demo district already holds, for every school, a published letter of 2026—2027学年第一学期
// with receipts: the list is not empty, and this test finds its own letter by its title.
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

const ACCOUNT = 'school1_safety'
const TITLE = '2026—2027学年第二学期开学安全致家长的一封信（端到端）'
const BODY = '各位家长：\n新学期即将开始，请您配合学校做好以下几点：\n一、上下学途中注意交通安全；\n二、不到河边、水塘边玩耍。\n\n示范区双桥小学'
const STUDENT = '端到端王小明'
const PARENT_VIEWPORT = { width: 375, height: 740 }

/** What part (a) found and the later parts use. */
const shared = { letterId: 0, detailUrl: '', classId: '', className: '', link: '' }

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

/** Picks an option of an Element Plus select by its visible label. */
async function choose(page, field, label) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.el-select__popper')].every((p) => getComputedStyle(p).display === 'none'),
  )
  await page.click(byTest(field))
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
}

/** The class row of the letter's detail page that part (a) took the link of. */
const classRow = (page) => page.locator(`${byTest('letter-class-row')}[data-class-id="${shared.classId}"]`)

describe('致家长的一封信', () => {
  it('(a) the safety officer writes a letter for 2026—2027学年第二学期, publishes it and reads a class’s link and QR code', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, ACCOUNT)
    const menu = await menuItems(page)
    assert.ok(menu.includes('edu-letters'), menu.join())
    await page.goto(`${server.url}/edu/letters`)
    await page.waitForSelector(byTest('table'))
    await settled(page)
    assert.equal((await page.locator(byTest('page-heading')).innerText()).trim(), '致家长的一封信')
    // The demo's letters of the first term are listed already.
    assert.ok((await page.locator(`${byTest('table')} ${byTest('row-title')}`).count()) > 0, 'the demo letters are listed')
    assert.equal((await page.locator(byTest('add')).innerText()).trim(), '新建')
    await expectAccessible(page, '致家长的一封信 at a desk')
    await screenshot(page, 'edu-letters-desktop')

    // 新建: the school is the officer's own, the term chosen, a draft saved.
    await page.click(byTest('add'))
    await page.waitForSelector(`${byTest('letter-dialog')}:visible`)
    assert.ok((await page.locator(byTest('letter-school-fixed')).innerText()).trim().length > 0, 'the school is fixed')
    await choose(page, 'letter-year', '2026—2027学年')
    await page.click(byTest('letter-term-2'))
    await page.fill(byTest('letter-title'), TITLE)
    await page.fill(byTest('letter-body'), BODY)
    await expectAccessible(page, 'the letter form')
    await page.click(byTest('letter-submit'))
    await page.waitForSelector(byTest('letter-dialog'), { state: 'hidden' })

    const row = page.locator(`${byTest('table')} .el-table__body tr`, { has: page.locator(byTest('row-title'), { hasText: TITLE }) })
    await row.waitFor()
    assert.equal((await row.locator(byTest('row-term')).innerText()).trim(), '2026—2027学年第二学期')
    assert.equal((await row.locator(byTest('row-status')).innerText()).trim(), '草稿')

    // 发布, confirmed.
    await row.locator(byTest('row-publish')).click()
    await page.waitForSelector(`${byTest('confirm-box')}:visible`)
    await page.click(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
    await row.locator(byTest('row-status'), { hasText: '已发布' }).waitFor()
    assert.equal(await row.locator(byTest('row-publish')).count(), 0)

    // 查看: the letter's page with a row per class.
    await row.locator(byTest('row-view')).click()
    await page.waitForURL(/\/edu\/letters\/\d+$/)
    shared.detailUrl = page.url()
    shared.letterId = Number(/\/edu\/letters\/(\d+)$/.exec(shared.detailUrl)[1])
    await page.waitForSelector(byTest('letter-class-row'))
    await settled(page)
    assert.equal((await page.locator(`${byTest('letter-info')} ${byTest('letter-title')}`).innerText()).trim(), TITLE)
    assert.equal((await page.locator(`${byTest('letter-info')} ${byTest('letter-status')}`).innerText()).trim(), '已发布')
    assert.equal(await page.locator(`${byTest('letter-body')}:not(textarea)`).innerText(), BODY)

    const linked = page.locator(byTest('letter-class-row'), { has: page.locator(byTest('letter-link')) }).first()
    await linked.waitFor()
    shared.classId = await linked.getAttribute('data-class-id')
    shared.className = (await linked.locator(byTest('letter-class')).innerText()).trim()
    assert.ok(shared.classId, 'the row names its class')
    const link = linked.locator(byTest('letter-link'))
    shared.link = await link.getAttribute('href')
    assert.equal((await link.innerText()).trim(), shared.link, 'the link shows its own address')
    assert.match(shared.link, new RegExp(`^${server.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/p/letters/[^/?#]+$`))
    // Its QR code, drawn.
    const qr = linked.locator(byTest('letter-qr'))
    await qr.waitFor()
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml/)
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn')
    assert.equal((await linked.locator(byTest('letter-received')).innerText()).trim(), '0')
    assert.ok(await page.locator(byTest('letter-print')).isVisible(), '打印二维码 is offered')
    await expectAccessible(page, 'a letter’s page at a desk')
    await screenshot(page, 'edu-letter-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) a parent on a phone, without an account, reads the letter and confirms receipt, once', async () => {
    assert.ok(shared.link, 'part (a) found a link')
    const context = await browser.newContext({ viewport: PARENT_VIEWPORT, locale: 'zh-CN' })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const requests = []
    context.on('request', (r) => requests.push(r.url()))

    await page.goto(shared.link)
    await page.locator(byTest('letter-title'), { hasText: TITLE }).waitFor()
    // Not sent to the login page, and nothing of the console around the letter.
    assert.ok(page.url().startsWith(shared.link), page.url())
    assert.equal(await page.locator(byTest('side-menu')).count(), 0)
    assert.equal(await page.locator(byTest('login-username')).count(), 0)
    assert.equal((await page.locator('h1').innerText()).trim(), '家长回执')
    assert.equal(await page.title(), '家长回执 · 校安')
    assert.equal((await page.locator(byTest('letter-term')).innerText()).trim(), '2026—2027学年第二学期')
    assert.ok((await page.locator(byTest('letter-from')).innerText()).includes(shared.className), 'the class is named')
    assert.equal(await page.locator(byTest('letter-body')).innerText(), BODY)
    await expectNoSidewaysScroll(page, 'the parents’ letter at 375 px')
    await expectAccessible(page, 'the parents’ letter at 375 px')
    await screenshot(page, 'edu-parent-letter-375')

    // The student's name and 母亲, confirmed.
    await page.fill(byTest('receipt-student'), STUDENT)
    await page.click(byTest('relation-mother'))
    assert.ok(await page.locator(`${byTest('relation-mother')} input`).isChecked(), '母亲 is chosen')
    await page.click(byTest('receipt-submit'))
    const done = page.locator(byTest('receipt-done'))
    await done.waitFor()
    assert.ok((await done.innerText()).includes(`已确认回执：${STUDENT}的家长，谢谢！`), await done.innerText())
    assert.equal(await page.locator(byTest('receipt-already')).count(), 0)
    await expectAccessible(page, 'the receipt confirmed at 375 px')
    await screenshot(page, 'edu-parent-receipt-375')

    // The same student again: counted once, said so.
    await page.click(byTest('receipt-again'))
    await page.fill(byTest('receipt-student'), STUDENT)
    await page.click(byTest('relation-mother'))
    await page.click(byTest('receipt-submit'))
    await page.locator(byTest('receipt-already')).waitFor()
    assert.ok((await page.locator(byTest('receipt-already')).innerText()).includes('此前已确认过'))
    assert.ok((await page.locator(byTest('receipt-done')).innerText()).includes(`已确认回执：${STUDENT}的家长，谢谢！`))

    // Only the public routes: no session asked for, nothing of the console.
    const api = requests.map((u) => new URL(u)).filter((u) => u.pathname.startsWith('/api/'))
    assert.ok(api.length >= 3, api.map((u) => u.pathname).join())
    assert.deepEqual(
      api.filter((u) => !u.pathname.startsWith('/api/v1/public/')).map((u) => u.pathname),
      [],
      'the parent’s page calls the public routes only',
    )
    assert.equal(requests.filter((u) => u.includes('/api/v1/auth/')).length, 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) back at the desk, the class shows the receipt once and the officer sees who confirmed', async () => {
    assert.ok(shared.detailUrl && shared.classId, 'parts (a) and (b) ran')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, ACCOUNT)
    await page.goto(shared.detailUrl)
    await classRow(page).waitFor()
    await settled(page)
    await page.reload()
    await classRow(page).waitFor()
    await settled(page)
    assert.equal((await classRow(page).locator(byTest('letter-received')).innerText()).trim(), '1')
    assert.equal((await page.locator(byTest('letter-received-total')).innerText()).trim(), '1')

    // Who confirmed: the student and 母亲.
    await classRow(page).locator(byTest('letter-receipts')).click()
    const receipt = page.locator(byTest('receipt-row'), { hasText: STUDENT })
    await receipt.waitFor()
    assert.equal(await page.locator(byTest('receipt-row')).count(), 1)
    assert.equal((await receipt.locator(byTest('receipt-relation')).innerText()).trim(), '母亲')
    await expectAccessible(page, 'who confirmed, in the drawer')
    await page.keyboard.press('Escape')
    assert.deepEqual(errors, [])
    await context.close()

    // The server agrees; the bureau sees the rates of the school but never the names.
    const officer = await apiSession(server, ACCOUNT)
    const classes = await officer(`/api/v1/edu/letters/${shared.letterId}/classes`)
    assert.equal(classes.status, 200, await classes.clone().text())
    const mine = (await classes.json()).items.find((c) => String(c.class_id) === shared.classId)
    assert.equal(mine.received, 1)
    const office = await apiSession(server, 'safety_office')
    const names = await office(`/api/v1/edu/letters/${shared.letterId}/receipts`)
    assert.equal(names.status, 403, await names.clone().text())
    const board = await office('/api/v1/edu/letters/board?school_year=2026&term=2')
    assert.equal(board.status, 200, await board.clone().text())
    const letter = await (await officer(`/api/v1/edu/letters/${shared.letterId}`)).json()
    const row = (await board.json()).schools.find((s) => s.school_id === letter.school_id)
    assert.ok(row && row.letters >= 1 && row.received >= 1, JSON.stringify(row))
  })

  it('the bureau reads 各校回执率 at 375 px', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/edu/letters?tab=board`)
    await page.waitForSelector(byTest('board-cards'))
    await settled(page)
    assert.ok((await page.locator('[data-test^="board-card-"]').count()) > 0, 'the schools are listed')
    assert.match(await page.locator(`${byTest('board-total-rate')} ${byTest('stat-value')}`).innerText(), /%|—/, 'the district’s rate is shown')
    await expectNoSidewaysScroll(page, '各校回执率 at 375 px')
    await expectAccessible(page, '各校回执率 at 375 px')
    await screenshot(page, 'edu-letter-board-375')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
