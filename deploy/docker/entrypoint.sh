#!/bin/sh
# The image's entry point: the first argument names what this container runs.
#
#   gateway | products | users | recommendations   one service (listens on its *_PORT)
#   all                                             every service in one process (default)
#   migrate                                         create the database if missing, apply migrations, exit
#   seed                                            the demo catalog, only into an empty catalog, exit
#   <script> [args…]                                any compiled operator command in dist/scripts,
#                                                   e.g. `apikey create ci-bot admin`, `sessions-purge`
#   anything else                                   run as given (`sh`, `node -e …`)
#
# Node runs the compiled JavaScript in dist/ directly (no tsx, no npm in between),
# so signals reach the service and it drains on SIGTERM. NODE_OPTIONS (set in the
# Dockerfile) carries --experimental-wasm-modules for PGlite and Prisma's schema engine.
set -e

command="${1:-all}"
[ "$#" -gt 0 ] && shift

case "$command" in
  gateway) exec node dist/gateway/main.js "$@" ;;
  products | users | recommendations) exec node "dist/subgraphs/$command/main.js" "$@" ;;
  all) exec node dist/scripts/start.js "$@" ;;
  migrate) exec node dist/scripts/db-migrate.js "$@" ;;
  seed) exec node dist/scripts/db-seed.js "$@" ;;
esac

if [ -f "dist/scripts/$command.js" ]; then exec node "dist/scripts/$command.js" "$@"; fi
exec "$command" "$@"
