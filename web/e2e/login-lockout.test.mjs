// Failed logins and 解除登录锁定: five wrong passwords from one address stop that address for the
// name; the security administrator lifts it from the users page (here on a phone), the system
// administrator does not see the action.
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

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** POST /api/v1/auth/login over HTTP: the status and the JSON answer. */
async function apiLogin(username, password) {
  const r = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return { status: r.status, body: await r.json().catch(() => null) }
}

/** The rows the users table shows (one table, whatever the width). */
const userRows = `${byTest('table')} .el-table__body-wrapper .el-table__row`

describe('login lockout', () => {
  it('five wrong passwords stop this address for auditor, even with the right password', async () => {
    let last
    for (let i = 1; i <= 5; i++) {
      last = await apiLogin('auditor', `Wrong-password-${i}`)
      assert.equal(last.status, 401, `attempt ${i}`)
    }
    assert.equal(last.body.error.details[0].field, 'locked', JSON.stringify(last.body))
    const right = await apiLogin('auditor', server.accounts.auditor)
    assert.equal(right.status, 401, JSON.stringify(right.body))
    assert.equal(right.body.error.details[0].field, 'locked')
    assert.match(right.body.error.message, /此账号在本地址登录失败次数过多.*请安全管理员解锁/)
  })

  it('the system administrator does not see 解除登录锁定', async () => {
    const { page, context, errors } = await newPage(browser, DESKTOP)
    await login(page, server, 'sysadmin')
    await page.goto(`${server.url}/system/users`)
    await page.waitForSelector(userRows)
    assert.ok((await page.locator(byTest('row-reset-password')).count()) > 0, 'the system administrator has the other actions')
    assert.equal(await page.locator(byTest('row-unlock-login')).count(), 0)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('the security administrator lifts it on a phone, and auditor logs in again', async () => {
    const { page, context, errors } = await newPage(browser, PHONE)
    await login(page, server, 'secadmin')
    await page.goto(`${server.url}/system/users`)
    // On a phone the users are cards and the search form is folded behind 筛选.
    const cards = byTest('card')
    await page.waitForSelector(cards)
    await page.click(byTest('toggle-search'))
    await page.fill(byTest('search-username'), 'auditor')
    await page.click(byTest('search'))
    await page.waitForFunction((sel) => {
      const rows = [...document.querySelectorAll(sel)]
      return rows.length === 1 && rows[0].textContent.includes('auditor')
    }, cards)
    const row = page.locator(cards).first()
    const button = row.locator(byTest('row-unlock-login'))
    assert.equal((await button.innerText()).trim(), '解除登录锁定')
    await button.scrollIntoViewIfNeeded()
    assert.ok(await button.isVisible())
    await expectNoSidewaysScroll(page, 'users at 375 px')
    await screenshot(page, 'users-unlock-login-375')
    await expectAccessible(page, 'users of the security administrator at 375 px')

    await button.click()
    const box = page.locator(byTest('confirm-box'))
    await box.waitFor()
    assert.match(await box.innerText(), /解除.*（auditor）.*登录失败的锁定/s)
    await expectAccessible(page, '解除登录锁定: the confirmation at 375 px')
    const unlocked = page.waitForResponse((r) => r.url().endsWith('/unlock') && r.request().method() === 'POST')
    const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users' && r.request().method() === 'GET')
    await page.click(byTest('confirm-ok'))
    assert.equal((await unlocked).status(), 200)
    await reloaded
    assert.match(await page.locator('.el-message--success').innerText(), /已解除 auditor 的登录锁定/)
    assert.deepEqual(errors, [])
    await context.close()

    const again = await apiLogin('auditor', server.accounts.auditor)
    assert.equal(again.status, 200, JSON.stringify(again.body))

    // The audit administrator, back in, finds the unlock in the log under the security administrator.
    const auditor = await apiSession(server, 'auditor')
    const log = await (await auditor('/api/v1/audit-logs?action=user.unlock')).json()
    assert.equal(log.total, 1, JSON.stringify(log))
    assert.equal(log.items[0].actor, 'secadmin')
    assert.equal(log.items[0].result, 'ok')
  })
})
