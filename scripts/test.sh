#!/usr/bin/env bash
# The whole test suite, as CI runs it: static checks, the builds, then every test under a real keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run format:check
npm run lint
npm run security:scan
npm run typecheck
npm run build
bash scripts/with-keyring.sh node --test --test-concurrency=2 'tests/**/*.test.ts'
