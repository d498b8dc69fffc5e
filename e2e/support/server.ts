/**
 * Starts Netra exactly as `npm start` does (src/server/main.ts in its own process, fresh data directory,
 * embedded SQLite) and reads the first-start admin login from its output.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface RunningServer {
  readonly baseUrl: string
  readonly dataDir: string
  readonly admin: { readonly username: string; readonly password: string }
  readonly output: () => string
  /** Sends SIGTERM (as a process manager would) and resolves with the exit code. */
  stop(): Promise<number | null>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/server/main.ts'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))

  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    try {
      const response = await fetch(`${baseUrl}/api/health`)
      if (response.ok && /Password : /.test(output)) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 120 s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const username = /Username : (\S+)/.exec(output)?.[1]
  const password = /Password : (\S+)/.exec(output)?.[1]
  if (!username || !password) throw new Error(`no admin login printed:\n${output}`)

  return {
    baseUrl,
    dataDir,
    admin: { username, password },
    output: () => output,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
  }
}
