// End-to-end harness: a Xiaoan server with a fresh demo database, and Debian's Chromium driven
// through playwright-core. Used by the *.test.mjs files (node --test).
import { spawn, execFileSync } from 'node:child_process'
import { deflateSync } from 'node:zlib'
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const webRoot = resolve(here, '..')
export const resultsDir = resolve(webRoot, 'e2e-results')
export const fixtures = resolve(here, 'fixtures')

export const DESKTOP = { width: 1440, height: 900 }
export const PHONE = { width: 375, height: 812 }
/** The narrowest width WCAG 1.4.10 (reflow) asks for: 320 CSS px, i.e. 1280 px at 400 %. */
export const NARROW = { width: 320, height: 640 }

/**
 * axe-core from npm (a devDependency), injected into the page under test. The server's
 * Content-Security-Policy (script-src 'self') refuses an added <script>, and rightly: the source
 * is evaluated through the DevTools protocol instead, which the policy does not govern.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
/** The rules the console is held to: WCAG 2.0 and 2.1, levels A and AA (GB/T 37668-2019). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => res(port))
    })
  })
}

function parseAccounts(text) {
  const accounts = {}
  for (const line of text.split('\n')) {
    const m = /用户名 (\S+)\t密码 (\S+)/.exec(line)
    if (m) accounts[m[1]] = m[2]
  }
  return accounts
}

/** Starts `xiaoan serve` on a fresh demo database; returns { url, accounts, stop }. */
export async function startServer() {
  const bin = process.env.XIAOAN_BIN
  if (!bin) throw new Error('XIAOAN_BIN is not set (scripts/web.sh e2e sets it)')
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoan-e2e-'))
  const env = { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'detect_leaks=0' }
  const seeded = process.env.XIAOAN_E2E_SEED_DIR
  if (seeded) {
    // The demo district seeded once for the whole run (scripts/web.sh e2e): each file's server
    // gets its own copy of it, the same records and logins, in a fraction of the seeding time.
    cpSync(seeded, dataDir, { recursive: true })
  } else {
    execFileSync(bin, ['migrate', '--data-dir', dataDir], { env, stdio: 'ignore' })
    execFileSync(bin, ['demo', '--data-dir', dataDir], { env, stdio: 'ignore' })
  }
  const accounts = parseAccounts(readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const log = []
  const proc = spawn(bin, ['serve', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`], {
    env: { ...env, XIAOAN_SERVER_WEB_ROOT: join(webRoot, 'dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  proc.stdout.on('data', (d) => log.push(String(d)))
  proc.stderr.on('data', (d) => log.push(String(d)))
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      const r = await fetch(`${url}/api/v1/health`)
      if (r.ok) break
    } catch {
      // not up yet
    }
    if (proc.exitCode !== null || Date.now() > deadline) {
      throw new Error('xiaoan serve did not start:\n' + log.join(''))
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const server = {
    url,
    accounts,
    dataDir,
    log,
    async stop() {
      proc.kill('SIGTERM')
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  // Every browser of the suite logs in from 127.0.0.1, more often than the per-address limit
  // (20 attempts a minute) allows a real address: the security administrator raises it for the
  // test server, through the API like anyone would.
  const asSecadmin = await apiSession(server, 'secadmin')
  const policy = await (await asSecadmin('/api/v1/security-policy')).json()
  const raised = await asSecadmin('/api/v1/security-policy', {
    method: 'PUT',
    body: JSON.stringify({ ...policy, address_attempts_per_minute: 1000 }),
  })
  if (!raised.ok) throw new Error(`raising the login limit: ${raised.status} ${await raised.text()}`)
  return server
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh browser context (own cookies) at a given viewport, with a page. */
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true })
  // Counts the console's requests in flight, for expectAccessible: a page opened through the
  // router (no new document) is loading its data when the browser's own network idle has long
  // been reached.
  await context.addInitScript(() => {
    let open = 0
    let last = 0
    const send = window.fetch.bind(window)
    window.fetch = (...args) => {
      open += 1
      return send(...args).finally(() => {
        open -= 1
        last = performance.now()
      })
    }
    window.__e2eQuiet = () => open === 0 && performance.now() - last >= 100
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

export const byTest = (id) => `[data-test="${id}"]`

/** Logs in through the login page and waits for the home board. */
export async function login(page, server, username, password = server.accounts[username]) {
  await page.goto(`${server.url}/login`)
  await page.fill(byTest('login-username'), username)
  await page.fill(byTest('login-password'), password)
  await page.click(byTest('login-submit'))
  await page.waitForURL(/\/home$/)
  await page.waitForSelector(byTest('home-scope'))
}

export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true })
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForTimeout(300) // let charts and transitions settle
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true })
}

/**
 * Runs axe-core on the page as it is now (open dialogs and drawers included) with the WCAG 2.0/2.1
 * A and AA rules and fails listing every violation: rule id, impact, summary and the elements.
 * `label` names the page in the message. Waits for the page to settle first (no pending request,
 * passing messages gone, transitions over), so colours are measured as the user sees them.
 */
export async function expectAccessible(page, label) {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForFunction(() => window.__e2eQuiet?.() ?? true, null, { polling: 50 })
  // A passing message (ElMessage: 已保存, 请按提示修改表单 …) fades out after 3 s (5 s for errors);
  // measured while fading, its text is any colour between the theme's and the page's. Wait for it
  // to go, so the page is measured as it stays.
  await page.waitForFunction(() => !document.querySelector('.el-message'), null, { timeout: 7_000 }).catch(() => {})
  await page.waitForTimeout(350) // Element Plus transitions (fade, zoom) are 300 ms at most
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource)
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) })),
    }))
  }, AXE_TAGS)
  if (violations.length === 0) return
  const text = violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n')
  throw new Error(`${label}: ${violations.length} accessibility rule(s) violated (axe-core, ${AXE_TAGS.join(', ')}):\n${text}`)
}

/**
 * Fails when the page scrolls sideways: the document wider than the viewport, or the layout's main
 * area (which scrolls on its own) wider than itself. Tables scroll inside their card and do not count.
 */
export async function expectNoSidewaysScroll(page, label) {
  const { doc, main } = await page.evaluate(() => {
    const d = document.documentElement
    const m = document.querySelector('#main-content')
    return {
      doc: { scroll: d.scrollWidth, client: d.clientWidth },
      main: m ? { scroll: m.scrollWidth, client: m.clientWidth } : null,
    }
  })
  if (doc.scroll > doc.client + 1) throw new Error(`${label}: the page is ${doc.scroll}px wide in a ${doc.client}px viewport`)
  if (main && main.scroll > main.client + 1) {
    throw new Error(`${label}: the main area scrolls sideways, ${main.scroll}px of content in ${main.client}px`)
  }
}

/** Names of the sidebar entries the user sees. */
export async function menuItems(page) {
  const items = await page.$$eval('[data-test^="menu-"]', (els) =>
    els.map((e) => e.getAttribute('data-test')).filter((t) => !t.startsWith('menu-group-') && t !== 'menu-toggle'),
  )
  return items.map((t) => t.slice('menu-'.length)).sort()
}

/** Logs in over HTTP (no browser) and returns a fetch bound to that session. */
export async function apiSession(server, username) {
  const r = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: server.accounts[username] }),
  })
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`)
  const cookie = r.headers.get('set-cookie').split(';')[0]
  const me = await r.json()
  return async (path, init = {}) => {
    const res = await fetch(server.url + path, {
      ...init,
      headers: { ...(init.headers ?? {}), Cookie: cookie, 'X-CSRF-Token': me.csrf_token, 'Content-Type': 'application/json' },
    })
    return res
  }
}

/** Reads the shared strings and first sheet of an .xlsx file (text only) with Python's zipfile. */
export function xlsxText(path) {
  return execFileSync(
    'python3',
    [
      '-c',
      'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);n=z.namelist();' +
        'print("".join(z.read(x).decode("utf-8") for x in n if x in ("xl/sharedStrings.xml","xl/worksheets/sheet1.xml")))',
      path,
    ],
    { encoding: 'utf8' },
  )
}

/**
 * Writes `rows` (the first the header) as the first sheet of a copy of the template `from`, its
 * cells inline strings, with Python's zipfile (as `xlsxText` reads them).
 */
export function sheetFromTemplate(from, to, rows) {
  execFileSync(
    'python3',
    [
      '-c',
      `
import json, sys, zipfile
from xml.sax.saxutils import escape
src, dst, rows = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
def cell(r, c, v):
    return '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + c), r, escape(str(v)))
body = ''.join('<row r="%d">%s</row>' % (i + 1, ''.join(cell(i + 1, j, v) for j, v in enumerate(row))) for i, row in enumerate(rows))
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % body)
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    names = zin.namelist()
    assert 'xl/worksheets/sheet1.xml' in names, names
    for n in names:
        zout.writestr(n, sheet if n == 'xl/worksheets/sheet1.xml' else zin.read(n))
`,
      from,
      to,
      JSON.stringify(rows),
    ],
    { encoding: 'utf8' },
  )
}

// ---- A small valid PNG (photos to upload) ----

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
/** A 32×32 PNG of one colour. */
export function png([r, g, b]) {
  const size = 32
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())])
  const raw = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
