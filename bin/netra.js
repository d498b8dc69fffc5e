#!/usr/bin/env node
// The `netra` command: runs the TypeScript CLI through tsx (no separate compile step).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
