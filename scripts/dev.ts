/**
 * `npm run dev`: the API under `tsx watch` (restarts on server changes) and the Vite dev server with hot reload,
 * which proxies /api to the API. Open the URL Vite prints (http://localhost:5173).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const bin = (name: string) => path.resolve('node_modules/.bin', name)
const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: process.env,
  }),
  spawn(bin('vite'), [], { stdio: 'inherit', env: process.env }),
]

const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) {
  child.on('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  })
}
