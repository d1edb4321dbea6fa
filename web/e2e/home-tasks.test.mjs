// 我的待办 in a real browser: for a school's safety officer, teacher and leader, the bureau's safety
// office and inspector, a department's liaison and the audit administrator, on a phone and at a desk, the card sits inside the viewport, each
// record opens from it; the bureau closes a supervision order the school answered and the
// hazard's timeline shows both steps without 挂牌督办; 仅看超期 lists the most overdue first; the
// school's 校车待处理 opens the demo's bus with the expired permit on 校车台账, its form open.
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
  newPage,
  screenshot,
  startServer,
} from './harness.mjs'

let server
let browser

/** China's civil date today (the server's deadlines are China dates). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

async function ok(res, what) {
  assert.ok(res.ok, `${what}: ${res.status} ${await res.clone().text()}`)
  return res.json()
}

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  // Work for the school: a hazard reported (to assign) and one assigned to the teacher (to rectify).
  const school = await apiSession(server, 'school1_safety')
  await ok(
    await school('/api/v1/hazards', {
      method: 'POST',
      body: JSON.stringify({ school_id: 21, domain: 'fire', level: 'general', title: '走廊应急照明灯不亮（待办）', source: 'self_inspection' }),
    }),
    'reporting a hazard',
  )
  const assigned = await ok(
    await school('/api/v1/hazards', {
      method: 'POST',
      body: JSON.stringify({ school_id: 21, domain: 'fire', level: 'general', title: '教室插座松动（待办）', source: 'self_inspection' }),
    }),
    'reporting a hazard',
  )
  await ok(
    await school(`/api/v1/hazards/${assigned.id}/transitions`, {
      method: 'POST',
      body: JSON.stringify({ action: 'assign', owner: 'school1_teacher', deadline: today(), password: server.accounts.school1_safety }),
    }),
    'assigning it to the teacher',
  )
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Waits for 我的待办 to have answered (groups, 暂无待办 or the auditor's line). */
async function tasksLoaded(page) {
  await page.waitForSelector(
    `${byTest('my-tasks')} :is(${byTest('task-item')}, ${byTest('my-tasks-none')}, ${byTest('my-tasks-auditor')}, ${byTest('my-tasks-error')})`,
  )
}

const USERS = ['school1_safety', 'school1_teacher', 'school1_leader', 'safety_office', 'inspector', 'dept1_liaison']
/** The bureau's people: the schools' counts and the schools ranked by overdue hazards. */
const BUREAU = new Set(['safety_office', 'inspector'])
const SIZES = [
  ['375', PHONE],
  ['1440', DESKTOP],
]

describe('我的待办 on the home page', () => {
  for (const username of USERS) {
    for (const [name, viewport] of SIZES) {
      it(`${username} at ${name} px: fits the viewport and opens the first record`, async () => {
        const { page, context, errors } = await newPage(browser, viewport)
        await login(page, server, username)
        await tasksLoaded(page)
        assert.equal(await page.$(byTest('my-tasks-error')), null, 'the tasks loaded')
        // The first card under the welcome line.
        assert.equal(
          await page.evaluate(() => document.querySelector('.home .welcome')?.nextElementSibling?.getAttribute('data-test')),
          'my-tasks',
        )
        const box = await page.locator(byTest('my-tasks')).boundingBox()
        assert.ok(box, 'the card is shown')
        assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `card at x=${box.x}, ${box.width}px wide in ${viewport.width}px`)
        await expectNoSidewaysScroll(page, `home of ${username} at ${name} px`)
        await screenshot(page, `home-tasks-${username}-${name}`)
        await expectAccessible(page, `home of ${username} at ${name} px`)

        // The school counts and charts are the bureau's; a school's users see the report button.
        // (The liaison's department sees no school data at all.)
        const school = username.startsWith('school')
        assert.equal(!!(await page.$(byTest('card-total'))), BUREAU.has(username), 'school counts only for more than one school')
        if (school) assert.equal(await page.locator(byTest('home-report')).getAttribute('href'), '/hazards/new')
        else assert.equal(await page.$(byTest('home-report')), null)

        // The first item of the first group with work opens its record.
        const link = page.locator(`section[data-test^="task-group-"] ${byTest('task-item-link')}`).first()
        assert.ok((await link.count()) > 0, `${username} has something to do`)
        const title = (await link.innerText()).trim()
        const href = await link.getAttribute('href')
        if (href.startsWith('/hazards?')) {
          // A school of the bureau's ranking opens that school's overdue hazards.
          assert.ok(BUREAU.has(username), username)
          assert.match(href, /school_id=\d+/)
          assert.match(href, /overdue=true/)
          await link.click()
          await page.waitForURL((u) => new URL(u).pathname === '/hazards' && new URL(u).searchParams.get('overdue') === 'true')
          await page.waitForSelector(byTest('row-overdue'))
          assert.deepEqual(errors, [])
          await context.close()
          return
        }
        assert.match(href, /^\/(hazards|whistles)\/\d+$/)
        await link.click()
        await page.waitForURL((u) => new URL(u).pathname === href)
        const heading = href.startsWith('/hazards') ? 'hazard-title' : 'whistle-title'
        await page.waitForFunction(
          ([sel, text]) => document.querySelector(sel)?.textContent?.trim() === text,
          [byTest(heading), title],
        )
        assert.ok(await page.locator(byTest(heading)).isVisible())
        assert.deepEqual(errors, [])
        await context.close()
      })
    }
  }

  it('school1_teacher is led from 待整改隐患 to the hazard assigned to them', async () => {
    const { page, context } = await newPage(browser, PHONE)
    await login(page, server, 'school1_teacher')
    const group = page.locator(byTest('task-group-hazard.rectify'))
    await group.waitFor()
    assert.match(await group.innerText(), /教室插座松动（待办）/)
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/hazards?state=assigned,rectifying')
    await context.close()
  })

  for (const [name, viewport] of SIZES) {
    it(`leads the audit administrator to the audit log at ${name} px`, async () => {
      const { page, context, errors } = await newPage(browser, viewport)
      await login(page, server, 'auditor')
      await page.waitForSelector(`${byTest('my-tasks')} :is(${byTest('task-group-all')}, ${byTest('my-tasks-auditor')})`)
      const box = await page.locator(byTest('my-tasks')).boundingBox()
      assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `card at x=${box.x}, ${box.width}px wide`)
      await expectNoSidewaysScroll(page, `home of auditor at ${name} px`)
      await screenshot(page, `home-tasks-auditor-${name}`)
      await expectAccessible(page, `home of auditor at ${name} px`)
      // The audit groups (refused operations, account and policy changes, the log chain to verify),
      // or on a server that gives the auditor none, a line pointing at the audit log.
      const link = page.locator(`:is(${byTest('task-group-all')}, ${byTest('my-tasks-audit-link')})`).first()
      assert.equal(await link.getAttribute('href'), '/system/audit')
      await link.click()
      await page.waitForURL(/\/system\/audit$/)
      assert.deepEqual(errors, [])
      await context.close()
    })
  }
})

describe('校车待处理', () => {
  it('school1_safety is led from 校车待处理 to 浙A52702 on the 车辆 tab of 校车台账, its form open', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'school1_safety')
    const group = page.locator(byTest('task-group-bus.checks'))
    await group.waitFor()
    assert.equal((await group.locator(byTest('task-group-label')).innerText()).trim(), '校车待处理')
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/bus')
    // The demo's bus whose 校车标牌 expired fails: past due, and first.
    const item = group.locator(byTest('task-item'), { hasText: '浙A52702' })
    await item.waitFor()
    assert.match(await item.innerText(), /校车标牌/)
    assert.equal(await item.locator(byTest('task-item-overdue')).count(), 1)
    const link = item.locator(byTest('task-item-link'))
    const href = await link.getAttribute('href')
    assert.match(href, /^\/bus\?tab=vehicles&id=\d+$/)
    await link.click()
    await page.waitForURL((u) => new URL(u).pathname === '/bus' && new URL(u).searchParams.get('tab') === 'vehicles')
    const dialog = page.locator(`${byTest('bus-dialog')}:visible`)
    await dialog.waitFor()
    assert.match(await page.locator('.el-dialog:visible .el-dialog__title').innerText(), /修改校车/)
    await page.waitForFunction(() => document.querySelector('[data-test="field-plate"]')?.value === '浙A52702')
    await expectNoSidewaysScroll(page, 'a bus opened from 我的待办 at 375 px')
    await expectAccessible(page, 'a bus opened from 我的待办 at 375 px')
    await screenshot(page, 'home-tasks-bus-375')
    // Closed, the page is on the 车辆 tab with the bus listed.
    await dialog.locator(byTest('cancel')).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(byTest('card'), { has: page.locator(byTest('card-name'), { hasText: '浙A52702' }) }).waitFor()
    assert.equal(await page.locator('#tab-vehicles').getAttribute('aria-selected'), 'true')
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('the boards’ charts on a phone', () => {
  it('bars lie with every category named on its own line, the ring’s legend below it, all inside 375 px', async () => {
    const bureau = await apiSession(server, 'safety_office')
    const home = await ok(await bureau('/api/v1/boards/home'), 'the home board')
    const hazards = await ok(await bureau('/api/v1/boards/hazards'), 'the hazard board')
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    /** The chart's box once drawn, inside the phone's width, and its accessible description. */
    const chart = async (test) => {
      const el = page.locator(`${byTest(test)} .chart`)
      await el.locator('canvas').waitFor()
      const box = await el.boundingBox()
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${test} at x=${box.x}, ${box.width}px wide`)
      return { box, label: (await el.getAttribute('aria-label')) ?? '' }
    }
    // Lying bars: one 30 px row per category under the title (chartShapes.lyingBarHeight).
    const rows = (n) => Math.max(160, 70 + n * 30)
    const location = await chart('chart-location')
    const types = home.schools.by_location_type
    assert.equal(location.box.height, rows(types.length), 'the location bars lie, a row each')
    for (const t of types) assert.ok(location.label.includes(t.label), `${t.label} in ${location.label}`)
    const stage = await chart('chart-stage')
    const stages = home.schools.by_stage.filter((c) => c.count > 0)
    assert.equal(stage.box.height, 260 + Math.ceil(stages.length / 3) * 24, 'room for the legend under the ring')
    await screenshot(page, 'home-charts-375')

    await page.goto(`${server.url}/hazards/board`)
    const domain = await chart('chart-domain')
    const domains = hazards.open_by_domain.filter((c) => c.count > 0)
    assert.ok(domains.length > 5, 'enough categories that standing bars would rotate their names')
    assert.equal(domain.box.height, rows(domains.length), 'the category bars lie, a row each')
    for (const d of domains) assert.ok(domain.label.includes(d.label), `${d.label} in ${domain.label}`)
    await screenshot(page, 'hazard-board-charts-375')
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('supervision on the hazard’s timeline', () => {
  it('the school replies, safety_office closes the order: 督办单办结 and no 挂牌督办', async () => {
    const TITLE = '食堂燃气软管老化（督办端到端）'
    const school = await apiSession(server, 'school1_safety')
    const hazard = await ok(
      await school('/api/v1/hazards', {
        method: 'POST',
        body: JSON.stringify({ school_id: 21, key_place_id: 55, domain: 'gas', level: 'major', title: TITLE, source: 'self_inspection' }),
      }),
      'reporting a major hazard',
    )
    assert.equal(hazard.supervised, true, 'a major hazard is supervised at once')
    const leader = await apiSession(server, 'school1_leader')
    const orders = await ok(await leader(`/api/v1/supervision-orders?hazard_id=${hazard.id}`), 'the hazard’s orders')
    assert.ok(orders.items.length > 0, 'a supervision order for the major hazard')
    for (const order of orders.items) {
      await ok(
        await leader(`/api/v1/supervision-orders/${order.id}/reply`, { method: 'POST', body: JSON.stringify({ reply: '已关闭燃气总阀，本周更换软管' }) }),
        'the school’s reply',
      )
    }

    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'safety_office')
    // The answered order waits in 待办结督办单 and opens the hazard.
    const group = page.locator(byTest('task-group-supervision.close'))
    await group.waitFor()
    assert.equal(await group.locator(byTest('task-group-all')).getAttribute('href'), '/hazards/supervision?state=replied')
    const item = group.locator(byTest('task-item-link'), { hasText: TITLE })
    assert.equal(await item.getAttribute('href'), `/hazards/${hazard.id}`)
    await page.goto(`${server.url}/hazards/${hazard.id}`)
    await page.waitForSelector(byTest('hazard-supervised'))

    const bureau = await apiSession(server, 'safety_office')
    for (const order of orders.items) {
      await ok(await bureau(`/api/v1/supervision-orders/${order.id}/close`, { method: 'POST' }), 'closing the order')
    }
    await page.reload()
    await page.waitForFunction((title) => document.querySelector('[data-test="hazard-title"]')?.textContent?.trim() === title, TITLE)
    const steps = await page.locator(`${byTest('timeline')} ${byTest('event-action')}`).allInnerTexts()
    assert.ok(steps.includes('学校回复督办单'), steps.join())
    assert.ok(steps.includes('督办单办结'), steps.join())
    const reply = page.locator(byTest('timeline-item'), { hasText: '学校回复督办单' })
    assert.match(await reply.innerText(), /已关闭燃气总阀/)
    assert.equal(await reply.locator('.el-timeline-item__node--warning').count(), 1)
    assert.equal(await page.locator(byTest('timeline-item'), { hasText: '督办单办结' }).locator('.el-timeline-item__node--success').count(), 1)
    assert.equal(await page.$(byTest('hazard-supervised')), null, 'no 挂牌督办 once the last order is closed')
    assert.match(await page.locator(byTest('escalations')).innerText(), /督办单已办结/)
    assert.equal(await page.locator(`${byTest('escalations')} .el-alert--error`).count(), 0, 'the supervision banner is no longer red')
    await screenshot(page, 'hazard-supervision-closed-375')
    await expectAccessible(page, 'a hazard with its supervision steps')
    assert.deepEqual(errors, [])
    await context.close()
  })
})

describe('仅看超期', () => {
  it('lists the most overdue first: deadlines ascend', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'safety_office')
    await page.goto(`${server.url}/hazards`)
    await page.waitForSelector(`${byTest('table')} .el-table__body .el-table__row`)
    await page.click(`${byTest('search-overdue')}`)
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/hazards?') && r.url().includes('overdue=true'))
    await page.click(byTest('search'))
    const res = await listed
    assert.match(res.url(), /sort=deadline(&|$)/)
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-test="table"] .el-table__body .el-table__row')
      return rows.length > 0 && [...rows].every((r) => r.querySelector('[data-test="row-overdue"]'))
    })
    const deadlines = await page.$$eval(`${byTest('table')} .el-table__body .el-table__row`, (rows) =>
      rows.map((r) => /\d{4}-\d{2}-\d{2}/.exec(r.querySelector('[data-test="row-overdue"]').parentElement.textContent)?.[0] ?? ''),
    )
    assert.ok(deadlines.length >= 2, `overdue rows: ${deadlines.join()}`)
    assert.ok(deadlines.every(Boolean), deadlines.join())
    assert.deepEqual(deadlines, [...deadlines].sort(), `deadlines ascend: ${deadlines.join()}`)
    assert.ok(deadlines[0] < today())
    assert.deepEqual(errors, [])
    await context.close()
  })
})
