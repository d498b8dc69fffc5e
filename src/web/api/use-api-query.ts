import { useCallback, useEffect, useState } from 'react'
import { apiGet, ApiError, isAbortError } from './client'

interface Settled<T> {
  readonly key: string
  readonly data?: T
  readonly error?: ApiError
}

export interface ApiQuery<T> {
  /** Data of the current path (undefined while it loads). */
  readonly data: T | undefined
  /** The latest data of any path: lists keep showing it while the next page loads instead of flashing empty. */
  readonly latestData: T | undefined
  readonly error: ApiError | undefined
  readonly isLoading: boolean
  readonly reload: () => void
}

/** GETs `path` (null = do not fetch) and refetches when it changes or on reload(). */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const [version, setVersion] = useState(0)
  const [settled, setSettled] = useState<Settled<T> | null>(null)
  const [lastData, setLastData] = useState<T | undefined>(undefined)
  const key = path === null ? null : `${version}:${path}`

  useEffect(() => {
    if (key === null || path === null) return
    const controller = new AbortController()
    apiGet<T>(path, { signal: controller.signal }).then(
      (data) => {
        setSettled({ key, data })
        setLastData(data)
      },
      (error: unknown) => {
        if (isAbortError(error)) return
        setSettled({
          key,
          error: error instanceof ApiError ? error : new ApiError(0, 'client.unexpected_response'),
        })
      },
    )
    return () => controller.abort()
  }, [key, path])

  const reload = useCallback(() => setVersion((current) => current + 1), [])
  const isCurrent = settled !== null && settled.key === key
  return {
    data: isCurrent ? settled.data : undefined,
    latestData: isCurrent && settled.data !== undefined ? settled.data : lastData,
    error: isCurrent ? settled.error : undefined,
    isLoading: key !== null && !isCurrent,
    reload,
  }
}
