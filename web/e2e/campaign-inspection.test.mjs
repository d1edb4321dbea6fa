// 专项行动 inspected and closed, in a real browser. The bureau's safety office deploys a campaign to
// 示范区双桥小学 with the shipped 食堂消防与燃气安全检查表, both windows from today (China time), and
// the school fills every sheet it owes, passing every item, and submits (over the API: the
// school's side is campaigns.test.mjs). Then the bureau forms an inspection team (检查组) with the
// 督查组's 吴督学 on its campaign page and assigns the school to it, the school's row naming the
// team; 吴督学, on a phone, finds the campaign in the list, opens the school's page and inspects the
// canteen, failing an item the school had passed: the page shows the inspection with that item
// flagged 自查未发现, the hazard it raised comes from the bureau's inspection, and the sheet lists
// the item as missed. Last, the bureau closes the campaign with a summary (结束专项行动): the page
// shows it 已结束, and the school can no longer reply.
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
const NAME = '冬季消防安全专项督查（端到端）'
const TEAM = '区教育局第一检查组（端到端）'
const SUMMARY = '全区学校已完成自查，督查发现的问题已通报整改（端到端）'
let schoolId
let campaignId
/** The canteen sheet the inspector fills: its due entry (template, place, items). */
let canteenDue
/** The item the inspector fails (the school had passed it). */
let failedKey

/** An answer that passes the item: a reading within its limits, a line of text, or 合格. */
function passing(item) {
  if (item.answer === 'number') return String(item.min ?? item.max ?? 1)
  if (item.answer === 'text') return '正常'
  return 'pass'
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  tmp = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-campaign-inspection-'))
  photo = join(tmp, 'gas-valve.png')
  writeFileSync(photo, png([40, 40, 200]))

  const school = await apiSession(server, 'school1_safety')
  const me = await (await school('/api/v1/auth/me')).json()
  assert.equal(me.unit.name, SCHOOL)
  schoolId = me.unit.id

  // The bureau deploys the campaign to the school alone, both windows from today.
  const bureau = await apiSession(server, 'safety_office')
  const canteen = (await (await bureau('/api/v1/checklist-templates?code=fire.canteen')).json()).items[0]
  assert.ok(canteen?.id, 'the shipped canteen checklist')
  const created = await bureau('/api/v1/campaigns', {
    method: 'POST',
    body: JSON.stringify({
      name: NAME,
      domains: ['fire'],
      template_ids: [canteen.id],
      targets: { school_ids: [schoolId] },
      self_from: today,
      self_to: today,
      inspect_from: today,
      inspect_to: today,
    }),
  })
  assert.equal(created.status, 201, await created.clone().text())
  campaignId = (await created.json()).id

  // The school fills every sheet it owes, every item passed, and submits.
  const view = await (await school(`/api/v1/campaigns/${campaignId}/schools/${schoolId}`)).json()
  assert.ok(view.due.length >= 1, 'sheets are due')
  for (const d of view.due) {
    const sheet = await school(`/api/v1/campaigns/${campaignId}/sheets`, {
      method: 'POST',
      body: JSON.stringify({
        school_id: schoolId,
        template_id: d.template_id,
        ...(d.key_place_id !== null ? { key_place_id: d.key_place_id } : {}),
        note: '',
        answers: d.items.map((i) => ({ item_key: i.key, value: passing(i), note: '', file_ids: [] })),
      }),
    })
    assert.equal(sheet.status, 201, await sheet.clone().text())
  }
  const submitted = await school(`/api/v1/campaigns/${campaignId}/schools/${schoolId}/submit`, { method: 'POST' })
  assert.ok(submitted.ok, `${submitted.status} ${await submitted.clone().text()}`)
  canteenDue = view.due.find((d) => d.template_id === canteen.id && d.key_place_id !== null) ?? view.due.find((d) => d.template_id === canteen.id)
  assert.ok(canteenDue, JSON.stringify(view.due.map((d) => [d.template_id, d.key_place_id])))
  // A pass/fail item, preferably one that needs no photo.
  const failable = canteenDue.items.filter((i) => i.answer === 'pass_fail')
  failedKey = (failable.find((i) => !i.photo_required) ?? failable[0])?.key
  assert.ok(failedKey, 'the canteen checklist has a pass/fail item')
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('campaign inspection', () => {
  it('the bureau forms an inspection team with 吴督学 and assigns the school to it', async () => {
    assert.ok(campaignId, 'the campaign was deployed')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/campaigns/${campaignId}`)
    await page.waitForSelector(byTest('campaign-info'))
    await page.click('#tab-teams')
    await page.locator(byTest('team-name')).waitFor()

    await page.fill(byTest('team-name'), TEAM)
    await page.fill(byTest('team-members'), 'inspector')
    await page.click(byTest('team-create'))
    const card = page.locator('li[data-test^="team-"]', { hasText: TEAM })
    await card.waitFor()
    assert.match(await card.innerText(), /0 所学校/)

    // 分配学校: the team, then the school.
    await page.click(byTest('assign-team'))
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: TEAM }).first().click()
    await page.click(byTest('assign-schools'))
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: SCHOOL }).first().click()
    await page.keyboard.press('Escape')
    await page.click(byTest('assign-save'))
    await page.locator('li[data-test^="team-"]', { hasText: TEAM }).filter({ hasText: '1 所学校' }).waitFor()
    assert.match(await card.innerText(), /1 所学校/)
    assert.match(await card.innerText(), /成员用户名\s+inspector/)
    await expectAccessible(page, 'the campaign’s teams tab')
    await screenshot(page, 'campaign-inspection-teams-desktop')

    // The school's row names the team.
    await page.click('#tab-schools')
    const row = page.locator(`${byTest('schools-table')} tr`, { has: page.locator(byTest(`school-${schoolId}`)) })
    await row.waitFor()
    await page.waitForFunction(
      ([sel, team]) => [...document.querySelectorAll(sel)].some((tr) => tr.textContent.includes(team)),
      [`${byTest('schools-table')} tr`, TEAM],
    )
    assert.match(await row.innerText(), new RegExp(TEAM.replace(/[()（）]/g, '.')))

    const api = await apiSession(server, 'safety_office')
    const c = await (await api(`/api/v1/campaigns/${campaignId}`)).json()
    const team = c.teams.find((tm) => tm.name === TEAM)
    assert.ok(team, JSON.stringify(c.teams))
    assert.deepEqual(team.school_ids, [schoolId])
    assert.deepEqual(team.members, ['inspector'])
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('on a phone, 吴督学 inspects the canteen and fails an item the school had passed: flagged 自查未发现', async () => {
    assert.ok(failedKey, 'the school filled its sheets')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'inspector')
    await page.goto(`${server.url}/campaigns`)
    const link = page.locator(byTest(`campaign-${campaignId}`))
    await link.waitFor()
    assert.equal((await link.innerText()).trim(), NAME)
    await expectNoSidewaysScroll(page, 'the campaigns list at 375 px')
    await link.click()
    await page.waitForURL(new RegExp(`/campaigns/${campaignId}$`))
    await page.click(byTest(`school-${schoolId}`))
    await page.waitForURL(new RegExp(`/campaigns/${campaignId}/schools/${schoolId}$`))
    await page.waitForSelector(byTest('due-list'))
    // An inspector fills no self-inspection; the school's sheets are there, no inspection yet.
    assert.equal(await page.locator(byTest('due-fill')).count(), 0)
    assert.equal(await page.locator(byTest('inspections')).count(), 0)

    const due = page.locator('li[data-test^="due-"]', { hasText: canteenDue.place_name }).first()
    await due.locator(byTest('due-inspect')).click()
    const form = page.locator(byTest('campaign-fill'))
    await form.waitFor()
    for (const item of canteenDue.items) {
      if (item.key === failedKey) {
        await page.click(byTest(`answer-${item.key}-fail`))
        await page.fill(byTest(`answer-${item.key}-note`), '燃气阀门未关闭（督查，端到端）')
        if (item.photo_required) {
          await page.setInputFiles(byTest(`photo-input-${item.key}`), photo)
          await page.waitForSelector(`${byTest(`item-${item.key}`)} ${byTest('photo-thumb')} img`)
        }
      } else if (item.answer === 'pass_fail') {
        await page.click(byTest(`answer-${item.key}-pass`))
      } else {
        await page.fill(byTest(`answer-${item.key}`), passing(item))
      }
    }
    await expectNoSidewaysScroll(page, 'the inspection form at 375 px')
    await screenshot(page, 'campaign-inspection-fill-375')
    await page.click(byTest('fill-submit'))

    // Stored: back on the school's page, the inspection with its failure flagged 自查未发现.
    const answer = page.locator(`${byTest('inspections')} ${byTest(`sheet-answer-${failedKey}`)}`)
    await answer.waitFor()
    assert.equal((await answer.locator(byTest('answer-missed')).innerText()).trim(), '自查未发现')
    assert.match(await page.locator(byTest('due-inspection')).first().innerText(), /1 项不合格/)
    assert.match(await page.locator(byTest('due-inspection')).first().innerText(), /1 项自查未发现/)
    await expectNoSidewaysScroll(page, 'the inspected school’s page at 375 px')
    await expectAccessible(page, 'the inspected school’s page at 375 px')
    await screenshot(page, 'campaign-inspection-school-375')
    assert.deepEqual(errors, [])
    await context.close()

    // The bureau sees the inspection's sheet with the item missed, and its hazard from the inspection.
    const api = await apiSession(server, 'safety_office')
    const view = await (await api(`/api/v1/campaigns/${campaignId}/schools/${schoolId}`)).json()
    const inspections = view.sheets.filter((s) => s.kind !== 'self')
    assert.equal(inspections.length, 1)
    assert.deepEqual(inspections[0].missed, [failedKey])
    const failed = inspections[0].answers.filter((a) => a.verdict === 'fail')
    assert.deepEqual(
      failed.map((a) => a.item_key),
      [failedKey],
    )
    assert.ok(failed[0].hazard_id > 0)
    const hazard = await (await api(`/api/v1/hazards/${failed[0].hazard_id}`)).json()
    assert.equal(hazard.source, 'bureau_inspection', JSON.stringify(hazard).slice(0, 400))
  })

  it('the bureau closes the campaign with a summary: 已结束, and the school can no longer reply', async () => {
    assert.ok(campaignId, 'the campaign was deployed')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/campaigns/${campaignId}`)
    await page.waitForSelector(byTest('campaign-info'))
    assert.equal((await page.locator(byTest('campaign-state')).innerText()).trim(), '进行中')
    await page.click(byTest('campaign-close'))
    const dialog = page.locator(byTest('campaign-close-dialog'))
    await dialog.waitFor()
    await page.fill(byTest('close-summary'), SUMMARY)
    await expectAccessible(page, 'the close dialog')
    await screenshot(page, 'campaign-inspection-close-dialog-desktop')
    await page.click(byTest('close-confirm'))
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.trim() === '已结束', byTest('campaign-state'))
    assert.match(await page.locator(byTest('campaign-summary')).innerText(), new RegExp(SUMMARY.replace(/[()（）]/g, '.')))
    assert.equal(await page.locator(byTest('campaign-close')).count(), 0)
    await expectAccessible(page, 'the closed campaign')
    await screenshot(page, 'campaign-inspection-closed-desktop')
    assert.deepEqual(errors, [])
    await context.close()

    const school = await apiSession(server, 'school1_safety')
    const r = await school(`/api/v1/campaigns/${campaignId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ school_id: schoolId, kind: 'reply', text: '补充' }),
    })
    const body = await r.text()
    assert.equal(r.status, 409, body)
    assert.ok(JSON.parse(body).error.details.some((d) => d.field === 'campaign.closed'), body)
  })
})
