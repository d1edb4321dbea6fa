// 专项行动 in a real browser. The bureau's safety office deploys a campaign to 示范区双桥小学 with
// the shipped 食堂消防与燃气安全检查表, both windows from today (China time) — the form first saying
// what is missing; then the school's safety officer, on a phone, opens it from the home card,
// fills the sheets it owes place by place (one item failed, with its photo) and submits; and the
// bureau's board shows the school 已提交.
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
let photo
/** Today in China (the server's calendar day). */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const SCHOOL = '示范区双桥小学'
const TEMPLATE = '食堂消防与燃气安全检查表'
const NAME = '冬季消防安全专项检查（端到端）'
let schoolId
let campaignId

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-campaigns-'))
  photo = join(tmp, 'extinguisher.png')
  writeFileSync(photo, png([200, 40, 40]))
  const api = await apiSession(server, 'school1_safety')
  const me = await (await api('/api/v1/auth/me')).json()
  assert.equal(me.unit.name, SCHOOL)
  schoolId = me.unit.id
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** Picks options of an Element Plus select by their visible labels (a multiple select stays open). */
async function choose(page, field, ...labels) {
  await page.click(byTest(field))
  for (const label of labels) await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click()
  await page.click(`${byTest('campaign-deploy-dialog')} .intro`) // closes the dropdown
}

/** Types a date range into an Element Plus range picker. */
async function range(page, field, from, to) {
  const inputs = page.locator(`${byTest(field)} input`)
  await inputs.nth(0).fill(from)
  await inputs.nth(1).fill(to)
  await inputs.nth(1).press('Enter')
  await page.click(`${byTest('campaign-deploy-dialog')} .intro`) // closes the picker
}

describe('campaigns', () => {
  it('the bureau deploys a campaign to the school, both windows from today', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    assert.ok((await menuItems(page)).includes('campaigns'))
    await page.click(byTest('menu-campaigns'))
    await page.waitForURL(/\/campaigns$/)
    await page.click(byTest('add'))
    const dialog = page.locator(byTest('campaign-deploy-dialog'))
    await dialog.waitFor()
    // Nothing filled: the form says what is missing at each field.
    await page.click(byTest('deploy-save'))
    await dialog.locator('.el-form-item__error', { hasText: '请填写名称' }).waitFor()
    await dialog.locator('.el-form-item__error', { hasText: '请选择检查表' }).waitFor()

    await page.fill(byTest('deploy-name'), NAME)
    await choose(page, 'deploy-domains', '消防安全')
    await choose(page, 'deploy-templates', TEMPLATE)
    await choose(page, 'deploy-schools', SCHOOL)
    await range(page, 'deploy-self', today, today)
    await range(page, 'deploy-inspect', today, today)
    assert.match(await page.locator(byTest('deploy-weights-total')).innerText(), /合计 100 分/)
    await expectAccessible(page, 'the deploy dialog')
    await page.click(byTest('deploy-save'))
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForURL(/\/campaigns\/\d+$/)
    campaignId = Number(new URL(page.url()).pathname.split('/').pop())
    assert.equal((await page.locator(byTest('campaign-name')).innerText()).trim(), NAME)
    await page.locator(byTest(`school-${schoolId}`)).waitFor()

    const api = await apiSession(server, 'safety_office')
    const c = await (await api(`/api/v1/campaigns/${campaignId}`)).json()
    assert.deepEqual([c.self_from, c.self_to, c.inspect_from, c.inspect_to], [today, today, today, today])
    assert.deepEqual(c.targets.school_ids, [schoolId])
    assert.equal(c.school_count, 1)
    assert.deepEqual(c.weights, { completion: 30, self_found: 20, no_missed: 20, rectified: 20, closed: 10 })
    await screenshot(page, 'campaign-detail-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('on a phone, the school fills its sheets (one failure with its photo) and submits', async () => {
    assert.ok(campaignId, 'the campaign was deployed')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    await page.waitForSelector(byTest('home-campaigns'))
    await page.click(byTest(`home-campaign-${campaignId}`))
    await page.waitForURL(new RegExp(`/campaigns/${campaignId}/schools/${schoolId}$`))
    await page.waitForSelector(byTest('due-list'))
    const count = await page.locator('li[data-test^="due-"]').count()
    assert.ok(count >= 1, 'sheets are due')
    assert.equal(await page.locator(byTest('school-submit')).isDisabled(), true)
    await expectNoSidewaysScroll(page, 'the school’s campaign page at 375 px')
    await expectAccessible(page, 'the school’s campaign page at 375 px')

    for (let n = 0; n < count; n++) {
      // The first sheet not filled yet.
      const due = page.locator('li[data-test^="due-"]', { has: page.locator(byTest('due-fill')) }).first()
      await due.locator(byTest('due-fill')).click()
      const form = page.locator(byTest('campaign-fill'))
      await form.waitFor()
      const keys = (await form.locator('li[data-test^="item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))).map((t) =>
        t.slice('item-'.length),
      )
      if (n === 0) {
        // The first item of the first sheet fails, with a note and a photo; the rest pass.
        await page.click(byTest(`answer-${keys[0]}-fail`))
        await page.fill(byTest(`answer-${keys[0]}-note`), '灭火器压力不足（端到端）')
        await page.setInputFiles(byTest(`photo-input-${keys[0]}`), photo)
        await page.waitForSelector(`${byTest(`item-${keys[0]}`)} ${byTest('photo-thumb')} img`)
        for (const key of keys.slice(1)) await page.click(byTest(`answer-${key}-pass`))
        await expectNoSidewaysScroll(page, 'the self-inspection form at 375 px')
        await expectAccessible(page, 'the self-inspection form at 375 px')
        await screenshot(page, 'campaign-fill-375')
      } else {
        for (const key of keys) await page.click(byTest(`answer-${key}-pass`))
      }
      await page.click(byTest('fill-submit'))
      // Stored: the sheet is no longer offered to fill (the list reloads after the save).
      await page.waitForFunction(
        ([sel, left]) => document.querySelector(sel) !== null && document.querySelectorAll('[data-test="due-fill"]').length === left,
        [byTest('due-list'), count - n - 1],
      )
    }
    assert.equal(await page.locator(byTest('due-fill')).count(), 0)
    assert.match(await page.locator(byTest('due-self')).first().innerText(), /1 项不合格/)
    await page.click(byTest('school-submit'))
    await page.click(`${byTest('confirm-box')} ${byTest('confirm-ok')}`)
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.trim() === '已提交', byTest('school-state'))
    assert.equal(await page.locator(byTest('school-submit')).count(), 0)
    await expectNoSidewaysScroll(page, 'the submitted campaign page at 375 px')
    await screenshot(page, 'campaign-school-375')

    // The failed item is a hazard of the campaign, found by the school itself.
    const api = await apiSession(server, 'school1_safety')
    const view = await (await api(`/api/v1/campaigns/${campaignId}/schools/${schoolId}`)).json()
    const failed = view.sheets.flatMap((s) => s.answers).filter((a) => a.verdict === 'fail')
    assert.equal(failed.length, 1)
    assert.ok(failed[0].hazard_id > 0)
    assert.equal(failed[0].file_ids.length, 1)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau’s board shows the school 已提交', async () => {
    assert.ok(campaignId, 'the campaign was deployed')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/campaigns/${campaignId}`)
    await page.waitForSelector(byTest('campaign-info'))
    await page.click('#tab-board')
    await page.waitForSelector(byTest('campaign-board'))
    assert.equal((await page.locator(byTest('board-submitted')).innerText()).trim(), '1')
    assert.equal((await page.locator(byTest('board-hazards-open')).innerText()).trim(), '1')
    await expectAccessible(page, 'the campaign board')
    await screenshot(page, 'campaign-board-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
