/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { availableParallelism } from 'node:os'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import * as icons from '@element-plus/icons-vue'

/**
 * Stores each text file of the build beside itself compressed (app.js.br, app.js.gz), once, at the
 * highest levels: `xiaoan serve` sends the copy the browser accepts (Brotli, else gzip) with
 * Content-Encoding, so no request pays for compression and the first load stays small.
 */
function precompress(dir: string): Plugin {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return {
    name: 'xiaoan-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(dir)) {
        if (!/\.(js|css|html|svg|json)$/.test(path)) continue
        const bytes = readFileSync(path)
        if (bytes.length < 1024) continue
        writeFileSync(path + '.gz', gzipSync(bytes, { level: 9 }))
        writeFileSync(
          path + '.br',
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        )
      }
    },
  }
}

/**
 * Element Plus per component: each SFC imports the el-* components and directives (v-loading) its
 * template uses, and the icons it names without importing them, so a page loads only what it shows
 * (the login page stays small on a phone). The styles stay whole in main.ts, before the theme.
 */
const iconNames = new Set(Object.keys(icons))
const perComponent = components({
  dts: false,
  dirs: [],
  resolvers: [
    ElementPlusResolver({ importStyle: false }),
    (name: string) => (iconNames.has(name) ? { name, from: '@element-plus/icons-vue' } : undefined),
  ],
})

// `npm run dev` proxies the API to a running `xiaoan serve` (XIAOAN_URL, default port 8080).
const target = process.env.XIAOAN_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue(), perComponent, precompress(fileURLToPath(new URL('./dist', import.meta.url)))],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': { target, changeOrigin: false } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: {
          echarts: ['echarts'],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    css: false,
    server: { deps: { inline: ['element-plus'] } },
    // Worker threads, not processes: a test file starts sooner (about a tenth off the whole run).
    pool: 'threads',
    // Every core: the default leaves one free, which on a two-core machine means one file at a time.
    maxWorkers: availableParallelism(),
    minWorkers: availableParallelism(),
  },
})
