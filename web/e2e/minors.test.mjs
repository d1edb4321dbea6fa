// 未成年人信息查阅 in a real browser. The students' names of a letter's receipts are minors' data:
// (a) the bureau's safety office (safety_office), at a desk, opens a published letter of the first
// demo school — the school of school1_leader, found through the API — and is refused the names: the
// page says 学生姓名属于未成年人信息，上级单位查看须经学校负责人授权 and offers 申请查阅回执名单; the request
// (the school and the receipts filled in, a reason, 7 days) is sent and the page says it is waiting;
// 未成年人信息查阅 (in the menu) lists it 待审批. (b) school1_leader, on a phone (375 px), finds it in
// 我的待办 (未成年人信息查阅待审批), lands on 待我审批 and approves it (asked first):
// 生效中. (c) The safety office opens the letter again and reads who confirmed in a class. (d) The
// auditor finds the read in 年度查阅报告 (授权查阅, by the safety office, of the school) with the grants
// counted, and exports the report; the school's leader sees the same row. Each page is checked with
// axe (WCAG 2.1 AA), for sideways scrolling at 375 px, and for errors thrown in the page.
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

const OFFICE = 'safety_office'
const LEADER = 'school1_leader'
const REASON = '核查寒假安全家长信各班回执情况，督促未回执家长（端到端）'
const NOTE = '学生姓名属于未成年人信息，上级单位查看须经学校负责人授权'

/** What one part finds and the next uses. */
const shared = {
  /** The leader's school: { id, name }. */
  school: null,
  /** A published letter of that school with receipts. */
  letterId: 0,
  grantId: 0,
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // The letter: one of school1_leader's school, published, with receipts (the demo's).
  const leader = await apiSession(server, LEADER)
  const me = await (await leader('/api/v1/auth/me')).json()
  assert.equal(me.unit.kind, 'school', JSON.stringify(me.unit))
  assert.ok(me.permissions.includes('minors:grant'), `${LEADER} holds minors:grant: ${me.permissions.join()}`)
  shared.school = { id: me.unit.id, name: me.unit.name }
  const office = await apiSession(server, OFFICE)
  const list = await office(`/api/v1/edu/letters?school_id=${shared.school.id}&status=published&page_size=50`)
  assert.equal(list.status, 200, await list.clone().text())
  const letter = (await list.json()).items.find((l) => l.school_id === shared.school.id && l.received > 0)
  assert.ok(letter, `a published letter of ${shared.school.name} with receipts`)
  shared.letterId = letter.id
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
const grantRow = (page) => page.locator(`${byTest('grant-row')}[data-id="${shared.grantId}"]`)

describe('未成年人信息查阅', () => {
  it('(a) the bureau, refused a letter’s names, requests access to them with a reason', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)
    const menu = await menuItems(page)
    assert.ok(menu.includes('minors'), menu.join())

    await page.goto(`${server.url}/edu/letters/${shared.letterId}`)
    await page.waitForSelector(byTest('letter-class-row'))
    await settled(page)
    assert.equal(await textOf(page.locator(`${byTest('letter-info')} ${byTest('letter-school')}`)), shared.school.name)
    // Rates, not names: no 查看回执, and the reason said.
    const refused = page.locator(byTest('letter-names-refused'))
    await refused.waitFor()
    assert.ok((await textOf(refused)).includes(NOTE), await textOf(refused))
    assert.equal(await page.locator(byTest('letter-receipts')).count(), 0)
    const request = page.locator(byTest('letter-grant-request'))
    assert.equal(await textOf(request), '申请查阅回执名单')
    await expectAccessible(page, 'a letter refused its names, at a desk')
    await screenshot(page, 'minors-letter-refused-desktop')

    // 申请查阅: the letter's school and its receipts filled in; a reason; 7 days.
    await request.click()
    await page.waitForSelector(`${byTest('grant-dialog')}:visible`)
    assert.equal(await textOf(page.locator(byTest('grant-school-fixed'))), shared.school.name)
    assert.equal(await textOf(page.locator(byTest('grant-kind-fixed'))), '家长回执名单（学生姓名）')
    assert.equal(await page.locator(`${byTest('grant-days')} input`).inputValue(), '7')
    await expectAccessible(page, 'the request form')
    // Without a reason: said at the field, nothing sent.
    await page.click(byTest('grant-submit'))
    const reasonItem = page.locator('.el-form-item', { has: page.locator(byTest('grant-reason')) })
    await reasonItem.locator('.el-form-item__error', { hasText: '请填写查阅事由' }).waitFor()
    await page.fill(byTest('grant-reason'), REASON)
    const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/minors/grants' && r.request().method() === 'POST')
    await page.click(byTest('grant-submit'))
    const created = await sent
    assert.equal(created.status(), 201, await created.text())
    const grant = await created.json()
    shared.grantId = grant.id
    assert.equal(grant.state, 'requested')
    assert.equal(grant.unit_id, shared.school.id)
    assert.equal(grant.kind, 'edu_letter_receipt')
    assert.equal(grant.days, 7)
    await page.waitForSelector(byTest('grant-dialog'), { state: 'hidden' })
    await page.locator(byTest('letter-grant-pending')).waitFor()
    assert.equal(await page.locator(byTest('letter-grant-request')).count(), 0)

    // 未成年人信息查阅: the request, 待审批.
    await page.goto(`${server.url}/minors`)
    await grantRow(page).waitFor()
    await settled(page)
    assert.equal(await textOf(page.locator(byTest('page-heading'))), '未成年人信息查阅')
    assert.equal(await textOf(grantRow(page).locator(byTest('grant-state'))), '待审批')
    assert.equal(await textOf(grantRow(page).locator(byTest('grant-school'))), shared.school.name)
    assert.equal(await textOf(grantRow(page).locator(byTest('grant-reason'))), REASON)
    await expectAccessible(page, '我的申请 at a desk')
    await screenshot(page, 'minors-mine-desktop')

    // Asking again for the same school and records: refused by the server (409), said.
    const office = await apiSession(server, OFFICE)
    const again = await office('/api/v1/minors/grants', {
      method: 'POST',
      body: JSON.stringify({ unit_id: shared.school.id, kind: 'edu_letter_receipt', reason: REASON, days: 7 }),
    })
    const body = await again.text()
    assert.equal(again.status, 409, body)
    assert.ok(JSON.parse(body).error.details.some((d) => d.field === 'minors.grant_open'), body)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(b) the school’s leader on a phone approves it from 我的待办', async () => {
    assert.ok(shared.grantId > 0, 'part (a) requested access')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, LEADER)
    await page.waitForSelector(`${byTest('my-tasks')} :is([data-test^="task-group-"], ${byTest('my-tasks-none')}, ${byTest('my-tasks-error')})`)
    const group = page.locator(`${byTest('my-tasks')} ${byTest('task-group-minors.grants')}`)
    await group.waitFor()
    assert.equal(await textOf(group.locator(byTest('task-group-label'))), '未成年人信息查阅待审批')
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/minors?tab=approve')
    // The office's request among the items (the demo's inspector waits too).
    const link = group.locator(byTest('task-item-link'), { hasText: '周科长' }).first()
    assert.equal(await link.getAttribute('href'), '/minors?tab=approve')
    await expectNoSidewaysScroll(page, '我的待办 of a school’s leader at 375 px')
    await expectAccessible(page, '我的待办 of a school’s leader at 375 px')
    await link.click()
    await page.waitForURL(/\/minors\?tab=approve$/)
    const row = grantRow(page)
    await row.waitFor()
    await settled(page)
    // A card on a phone, waiting, with the requester and the reason.
    assert.equal(await row.evaluate((e) => e.tagName), 'LI')
    assert.equal(await textOf(row.locator(byTest('grant-state'))), '待审批')
    assert.ok((await textOf(row.locator(byTest('grant-grantee')))).includes('周科长'), await textOf(row.locator(byTest('grant-grantee'))))
    assert.equal(await textOf(row.locator(byTest('grant-reason'))), REASON)
    await expectNoSidewaysScroll(page, '待我审批 at 375 px')
    await expectAccessible(page, '待我审批 at 375 px')
    await screenshot(page, 'minors-approve-375')

    // 拒绝 asks for a reason (cancelled here).
    await row.locator(byTest('grant-refuse')).click()
    await page.waitForSelector(`${byTest('refuse-dialog')}:visible ${byTest('refuse-note')}`)
    await expectAccessible(page, 'the refusal form at 375 px')
    await page.click(byTest('refuse-cancel'))
    await page.waitForSelector(byTest('refuse-dialog'), { state: 'hidden' })

    // 同意, asked first.
    await row.locator(byTest('grant-approve')).click()
    await page.waitForSelector(`${byTest('confirm-box')}:visible`)
    const decided = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/minors/grants/${shared.grantId}/approve`)
    await page.click(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
    assert.equal((await decided).status(), 200)
    await row.locator(byTest('grant-state'), { hasText: '生效中' }).waitFor()
    assert.equal(await row.locator(byTest('grant-approve')).count(), 0)
    assert.ok(await row.locator(byTest('grant-revoke')).isVisible(), '撤销 is offered')
    assert.match(await textOf(row.locator(byTest('grant-period'))), /^\d{4}-\d\d-\d\d \d\d:\d\d 至 \d{4}-\d\d-\d\d \d\d:\d\d$/)
    await expectNoSidewaysScroll(page, 'an approved grant at 375 px')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(c) the bureau now reads who confirmed in a class of the letter', async () => {
    assert.ok(shared.grantId > 0, 'part (a) requested access')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, OFFICE)
    await page.goto(`${server.url}/edu/letters/${shared.letterId}`)
    await page.waitForSelector(byTest('letter-class-row'))
    await settled(page)
    await page.locator(byTest('letter-receipts')).first().waitFor()
    assert.equal(await page.locator(byTest('letter-names-refused')).count(), 0)
    // A class with receipts: its names.
    const rows = page.locator(byTest('letter-class-row'))
    let opened = false
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i)
      if (Number(await textOf(row.locator(byTest('letter-received')))) > 0) {
        await row.locator(byTest('letter-receipts')).click()
        opened = true
        break
      }
    }
    assert.ok(opened, 'a class has receipts')
    await page.locator(byTest('receipt-row')).first().waitFor()
    assert.ok((await page.locator(byTest('receipt-row')).count()) > 0)
    assert.ok((await textOf(page.locator(byTest('receipt-student')).first())).length > 0, 'a student is named')
    await expectAccessible(page, 'who confirmed, read by the bureau through a grant')
    await screenshot(page, 'minors-letter-names-desktop')
    await page.keyboard.press('Escape')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('(d) the auditor finds the read in 年度查阅报告 and exports it; so does the school’s leader', async () => {
    assert.ok(shared.grantId > 0, 'part (a) requested access')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'auditor')
    const menu = await menuItems(page)
    assert.ok(menu.includes('minors'), menu.join())
    await page.goto(`${server.url}/minors`)
    await page.waitForSelector(byTest('minors-report'))
    await settled(page)
    // The report alone: the auditor neither asks nor decides.
    assert.equal(await page.locator(byTest('minors-tabs')).count(), 0)
    assert.equal(await page.locator(byTest('minors-mine')).count(), 0)
    const row = page.locator(`${byTest('report-row')}[data-reader="${OFFICE}"][data-unit-id="${shared.school.id}"][data-way="grant"]`)
    await row.waitFor()
    assert.equal(await textOf(row.locator(byTest('report-way'))), '授权查阅')
    assert.equal(await textOf(row.locator(byTest('report-school'))), shared.school.name)
    assert.ok(Number(await textOf(row.locator(byTest('report-reads')))) >= 1)
    assert.ok(Number(await textOf(row.locator(byTest('report-records')))) >= 1)
    assert.ok(Number(await textOf(page.locator(byTest('minors-report-count-requested')))) >= 1)
    assert.ok(Number(await textOf(page.locator(byTest('minors-report-count-approved')))) >= 1)
    await expectAccessible(page, '年度查阅报告 at a desk')
    await screenshot(page, 'minors-report-desktop')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('minors-report-export'))])
    assert.equal(download.suggestedFilename(), '未成年人信息查阅报告.xlsx')
    assert.deepEqual(errors, [])
    await context.close()

    // The school's leader reads the same row in the report of the school.
    const leader = await apiSession(server, LEADER)
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
    const report = await leader(`/api/v1/minors/access-report?year=${year}`)
    assert.equal(report.status, 200, await report.clone().text())
    const rows = (await report.json()).rows
    assert.ok(
      rows.some((r) => r.reader === OFFICE && r.unit_id === shared.school.id && r.via_grant && r.reads >= 1),
      JSON.stringify(rows),
    )
    // Someone who neither decides nor audits is refused the report.
    const teacher = await apiSession(server, 'school1_teacher')
    assert.equal((await teacher(`/api/v1/minors/access-report?year=${year}`)).status, 403)
  })
})
