// 专项行动 in a real browser. The bureau's safety office deploys a campaign to 示范区双桥小学 (picked
// by name, within its 学区: the select lists the bureau's clusters) with the shipped
// 食堂消防与燃气安全检查表, both windows from today (China time) — the form first saying what is
// missing; then the school's safety officer, on a phone, opens it from the home card,
// fills the sheets it owes place by place (one item failed, with its photo) and submits, its page
// then showing its score and rank (评价得分); the bureau's board shows the school 已提交 (its
// ranking agreeing with the school's score); and the bureau marks the failure's hazard as a typical
// problem with a note and briefs it: the printable 典型问题通报 with the note and the photo, and
// its .xlsx.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  xlsxText,
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
/** The school's 学区 (every demo school has one). */
let cluster
let campaignId
/** The hazard the school's failed item raised. */
let hazardId
const NOTE = '压力表指针在红区，全区食堂普遍存在，请各校立即自查（端到端）'

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
  const school = await (await api(`/api/v1/schools/${schoolId}`)).json()
  assert.ok(school.cluster_id > 0, 'the demo school is in a 学区')
  cluster = { id: school.cluster_id, name: school.cluster_name }
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

/** Waits until the element with data-test `test` has the focus. */
async function focusOn(page, test) {
  await page.waitForFunction((t) => document.activeElement?.getAttribute('data-test') === t, test, { timeout: 5000 })
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
    // 学区: the select lists the bureau's clusters, as the API does; the school's is picked.
    const api = await apiSession(server, 'safety_office')
    const clusters = (await (await api('/api/v1/units?kind=cluster&page_size=500')).json()).items.map((u) => u.name)
    assert.ok(clusters.length > 1 && clusters.includes(cluster.name), 'the demo bureau has its clusters')
    await page.click(byTest('deploy-cluster_ids'))
    await page.waitForFunction((names) => {
      const shown = [...document.querySelectorAll('.el-select-dropdown__item')].filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim())
      return shown.length === names.length && names.every((n) => shown.includes(n))
    }, clusters)
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: cluster.name }).first().click()
    await page.click(`${byTest('campaign-deploy-dialog')} .intro`) // closes the dropdown
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

    const c = await (await api(`/api/v1/campaigns/${campaignId}`)).json()
    assert.deepEqual([c.self_from, c.self_to, c.inspect_from, c.inspect_to], [today, today, today, today])
    assert.deepEqual(c.targets.school_ids, [schoolId])
    assert.deepEqual(c.targets.cluster_ids, [cluster.id])
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

    // 评价得分: the school's score as of now (submitted on time: 按时完成自查 full), its rank among
    // the campaign's schools, as the server computes it.
    const api = await apiSession(server, 'school1_safety')
    const ev = await (await api(`/api/v1/campaigns/${campaignId}/schools/${schoolId}/evaluation`)).json()
    assert.equal(ev.scores.length, 1)
    assert.equal(ev.scores[0].school_id, schoolId)
    assert.equal(ev.ranked, 1)
    const card = page.locator(byTest('school-evaluation'))
    await card.waitFor()
    const rank = (await card.locator(byTest('score-rank')).innerText()).trim()
    assert.match(rank, /^第 \d+ 名 \/ 共 \d+ 所$/)
    assert.equal(rank, `第 ${ev.scores[0].rank} 名 / 共 ${ev.ranked} 所`)
    assert.equal((await card.locator(byTest('score-total')).innerText()).trim(), `${ev.scores[0].total.toFixed(1)}（满分 100）`)
    assert.equal((await card.locator(`${byTest('score-completion')} dd`).innerText()).trim(), '30.0 / 30')
    assert.match(await card.locator(byTest('score-note')).innerText(), /截至目前/)
    await expectNoSidewaysScroll(page, 'the submitted campaign page at 375 px')
    await expectAccessible(page, 'the school’s campaign page with its score at 375 px')
    await screenshot(page, 'campaign-school-375')

    // The failed item is a hazard of the campaign, found by the school itself.
    const view = await (await api(`/api/v1/campaigns/${campaignId}/schools/${schoolId}`)).json()
    const failed = view.sheets.flatMap((s) => s.answers).filter((a) => a.verdict === 'fail')
    assert.equal(failed.length, 1)
    assert.ok(failed[0].hazard_id > 0)
    assert.equal(failed[0].file_ids.length, 1)
    hazardId = failed[0].hazard_id

    // 查看: the filled sheet opened whole, full screen on the phone — the failed item's text, 不合格,
    // its note and its photo's thumbnail, which opens large.
    const sheet = view.sheets.find((s) => s.answers.some((a) => a.verdict === 'fail'))
    const itemText = view.due.find((d) => d.template_id === sheet.template_id && d.key_place_id === sheet.key_place_id).items.find((i) => i.key === failed[0].item_key).text
    await page.click(byTest(`sheet-view-${sheet.id}`))
    const dialog = page.locator(`${byTest('campaign-sheet-view')}:visible`)
    await dialog.waitFor()
    assert.equal(await page.locator('li[data-test^="view-answer-"]:visible').count(), sheet.answers.length)
    const row = dialog.locator(byTest(`view-answer-${failed[0].item_key}`))
    assert.equal((await row.locator(byTest('view-text')).innerText()).trim(), itemText)
    assert.equal((await row.locator(byTest('view-verdict')).innerText()).trim(), '不合格')
    assert.equal((await row.locator(byTest('view-note')).innerText()).trim(), '灭火器压力不足（端到端）')
    await row.locator(`${byTest('view-photo')} img`).waitFor()
    assert.ok(await row.locator(`${byTest('view-photo')} img`).evaluate((img) => img.complete && img.naturalWidth > 0), 'the thumbnail loads')
    await expectNoSidewaysScroll(page, 'the filled sheet at 375 px')
    await expectAccessible(page, 'the filled sheet at 375 px')
    await screenshot(page, 'campaign-sheet-375')
    await row.locator(byTest('view-photo')).click()
    await page.waitForSelector('.el-image-viewer__wrapper')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.el-image-viewer__wrapper', { state: 'detached' })
    await page.keyboard.press('Escape')
    await page.waitForSelector(byTest('campaign-sheet-view'), { state: 'hidden' })
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

    // The bureau's ranking counts its schools and agrees with the school's own score.
    const api = await apiSession(server, 'safety_office')
    const all = await (await api(`/api/v1/campaigns/${campaignId}/evaluation`)).json()
    assert.equal(all.ranked, all.scores.length)
    const one = await (await api(`/api/v1/campaigns/${campaignId}/schools/${schoolId}/evaluation`)).json()
    assert.deepEqual(one.scores, all.scores.filter((s) => s.school_id === schoolId))
    assert.equal(one.ranked, all.ranked)
    await screenshot(page, 'campaign-board-desktop')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the bureau marks the hazard a typical problem with a note, and briefs it: printable, and as .xlsx', async () => {
    assert.ok(hazardId, 'the school’s failure raised a hazard')
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/campaigns/${campaignId}`)
    await page.waitForSelector(byTest('campaign-info'))
    await page.click('#tab-typical')
    const row = page.locator(byTest(`hazard-row-${hazardId}`))
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(SCHOOL))
    assert.equal((await row.locator(byTest('photo-count')).innerText()).trim(), '1')
    assert.equal((await row.locator(byTest('typical-mark')).innerText()).trim(), '未列为典型')
    assert.equal(await row.locator(byTest(`hazard-link-${hazardId}`)).getAttribute('href'), `/hazards/${hazardId}`)

    // 列为典型: the dialog with the note.
    await row.locator(byTest(`typical-mark-${hazardId}`)).click()
    const dialog = page.locator(byTest('typical-dialog'))
    await dialog.waitFor()
    await page.fill(byTest('typical-note'), NOTE)
    await expectAccessible(page, 'the typical problems tab with the dialog open')
    await screenshot(page, 'campaign-typical-dialog-desktop')
    await page.click(byTest('typical-save'))
    await dialog.waitFor({ state: 'hidden' })
    await row.locator(byTest(`typical-edit-${hazardId}`)).waitFor()
    assert.match(await row.locator(byTest('typical-mark')).innerText(), new RegExp(NOTE))
    await focusOn(page, `typical-edit-${hazardId}`)
    await expectAccessible(page, 'the typical problems tab')

    // Stored: the campaign's typical problems are this one, with the note.
    const api = await apiSession(server, 'safety_office')
    const typical = await (await api(`/api/v1/campaigns/${campaignId}/hazards?typical=true`)).json()
    assert.deepEqual(
      typical.items.map((h) => [h.hazard.id, h.typical?.note, h.photos.length]),
      [[hazardId, NOTE, 1]],
    )

    // 查看通报: the briefing, one <h1> naming the page, the entry with its note and photo.
    await page.click(byTest('open-briefing'))
    await page.waitForURL(new RegExp(`/campaigns/${campaignId}/briefing$`))
    const entry = page.locator(byTest(`briefing-entry-${hazardId}`))
    await entry.waitFor()
    assert.equal((await page.locator(byTest('briefing-title')).innerText()).trim(), `${NAME}典型问题通报`)
    const s = await page.evaluate(() => ({ h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()), title: document.title }))
    assert.deepEqual(s, { h1: ['典型问题通报'], title: '典型问题通报 · 校安' })
    assert.equal((await entry.locator(byTest('entry-no')).innerText()).trim(), '1.')
    assert.equal((await entry.locator(byTest('entry-school')).innerText()).trim(), SCHOOL)
    assert.equal((await entry.locator(byTest('entry-note')).innerText()).trim(), NOTE)
    assert.ok((await entry.locator(byTest('entry-state')).innerText()).trim().length > 0)
    const img = entry.locator(`${byTest('entry-photo')} img`)
    await img.waitFor()
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle())
    assert.match(await img.getAttribute('alt'), /第 1 张$/)
    await expectAccessible(page, 'the briefing')
    await screenshot(page, 'campaign-briefing-desktop')

    // Printed: the briefing alone — no sidebar, top bar, page heading or buttons.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.el-aside').isVisible(), false)
    assert.equal(await page.locator('.top-bar').isVisible(), false)
    assert.equal(await page.locator(byTest('page-heading')).isVisible(), false)
    assert.equal(await page.locator(byTest('briefing-print')).isVisible(), false)
    assert.equal(await page.locator(byTest('briefing-export')).isVisible(), false)
    assert.equal(await page.locator(byTest('briefing-title')).isVisible(), true)
    assert.equal(await img.isVisible(), true)
    await screenshot(page, 'campaign-briefing-print')
    await page.emulateMedia({ media: 'screen' })

    // 导出 Excel: 典型问题通报.xlsx, with the note.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTest('briefing-export'))])
    assert.equal(download.suggestedFilename(), '典型问题通报.xlsx')
    const file = join(tmp, 'briefing.xlsx')
    await download.saveAs(file)
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
    const text = xlsxText(file)
    assert.ok(text.includes(NOTE), 'the .xlsx holds the note')
    assert.ok(text.includes(SCHOOL), 'the .xlsx holds the school')
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('on a phone, the typical problems tab and the briefing do not scroll sideways', async () => {
    assert.ok(hazardId, 'the hazard was marked')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/campaigns/${campaignId}`)
    await page.waitForSelector(byTest('campaign-info'))
    await page.click('#tab-typical')
    await page.locator(byTest(`hazard-row-${hazardId}`)).waitFor()
    await expectNoSidewaysScroll(page, 'the typical problems tab at 375 px')
    await screenshot(page, 'campaign-typical-375')
    await page.goto(`${server.url}/campaigns/${campaignId}/briefing`)
    await page.locator(`${byTest(`briefing-entry-${hazardId}`)} ${byTest('entry-photo')} img`).waitFor()
    await expectNoSidewaysScroll(page, 'the briefing at 375 px')
    await expectAccessible(page, 'the briefing at 375 px')
    await screenshot(page, 'campaign-briefing-375')
    assert.deepEqual(errors, [])
    await context.close()
  })
})
