// A bureau's overview board (轮训看板, 队伍建设看板, 应急体系总览, 一校一策总览): the board read when the
// page opens, again whenever `watchSource` changes (a filter the server applies) and when a kept-alive
// tab comes back (a school may have written meanwhile); only the latest read lands, an error shows as
// a message. 导出 saves the board's spreadsheet, with 正在导出，请稍候… until it arrives.
//   const { data, loading, load, exporting, exportBoard } = useOverviewBoard(() => api.board(), () => api.exportBoard())
import { onActivated, onMounted, ref, watch, type Ref, type WatchSource } from 'vue'
import type { Download } from '@/api/http'
import { showError } from '@/utils/errors'
import { useDownload } from '@/composables/useDownload'

export interface OverviewBoardOptions {
  /** Read the board again when this changes. */
  watchSource?: WatchSource<unknown>
}

export function useOverviewBoard<T>(read: () => Promise<T>, exportFile: () => Promise<Download>, options: OverviewBoardOptions = {}) {
  const data = ref(null) as Ref<T | null>
  const loading = ref(false)
  const { downloading: exporting, download } = useDownload({ progress: true })

  let seq = 0
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const res = await read()
      if (mine === seq) data.value = res
    } catch (e) {
      if (mine === seq) showError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  if (options.watchSource) watch(options.watchSource, () => void load())
  onMounted(() => void load())
  let activatedOnce = false
  onActivated(() => {
    if (activatedOnce) void load()
    activatedOnce = true
  })

  function exportBoard(): void {
    void download(exportFile)
  }

  return { data, loading, load, exporting, exportBoard }
}

/** A card chosen filters on its value; chosen again, shows every value (''). */
export function togglePick<S extends string>(current: Ref<S | ''>, s: S): void {
  current.value = current.value === s ? '' : s
}
