import { ApiError, request, type Query } from './http'

export interface ImportRowError {
  row: number
  column: string
  reason: string
}

export interface ImportReport {
  rows: number
  created: number
  updated: number
  /** Stored entries removed (an import that replaces a list as a whole); absent or 0 for others. */
  removed?: number
  failed: number
  applied: boolean
  errors: ImportRowError[]
}

export interface ImportOptions {
  /** Absent: the endpoint has no such switch (the parameter is not sent). */
  updateExisting?: boolean
  /** Absent: the endpoint is all-or-nothing only (no `mode` is sent). */
  partial?: boolean
  /** The file's format (`format=xlsx|csv`), for endpoints that ask for it. */
  format?: string
  /** Other parameters of the endpoint (a plan's title). */
  extra?: Query
}

/** The format an import is told, from the file's name (.csv, else .xlsx). */
export function importFormatOf(name: string): 'xlsx' | 'csv' {
  return /\.csv$/i.test(name) ? 'csv' : 'xlsx'
}

function isReport(v: unknown): v is ImportReport {
  return typeof v === 'object' && v !== null && 'applied' in v && 'errors' in v
}

/**
 * Posts a spreadsheet to an import endpoint. A refused all-or-nothing import (422 with a report)
 * is a result, not an error; any other failure throws the ApiError.
 */
export async function uploadImport(path: string, file: Blob, opts: ImportOptions): Promise<ImportReport> {
  try {
    return await request<ImportReport>('POST', path, {
      raw: file,
      query: {
        ...opts.extra,
        mode: opts.partial === undefined ? undefined : opts.partial ? 'partial' : 'all_or_nothing',
        update_existing: opts.updateExisting ?? undefined,
        format: opts.format,
      },
    })
  } catch (e) {
    if (e instanceof ApiError && e.status === 422 && isReport(e.body)) return e.body
    throw e
  }
}
