#!/usr/bin/env bash
# Installs what the tests need on a fresh machine. Idempotent: does nothing when all is present.
set -euo pipefail
need=()
# Python apps run under oomlab's own Python worker, which speaks gRPC through the Debian packages (no PyPI).
/usr/bin/python3 -c "import grpc, google.protobuf, grpc_tools" 2>/dev/null || need+=(python3-grpcio python3-protobuf python3-grpc-tools)
command -v dotnet >/dev/null || { echo "install-test-deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
command -v openssl >/dev/null || need+=(openssl)
# The report tests open the generated HTML in a real headless browser (Debian's chromium, driven by Playwright).
[[ -x /usr/bin/chromium ]] || need+=(chromium)
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
# The KQL tests check every query in the conformance suite and every query oomlab ships with Microsoft's own parser
# (Kusto.Language, from npm), run by node from tools/kql-check.
command -v node >/dev/null || { echo "install-test-deps: node (20 or later) is required for tools/kql-check" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ ! -d "$root/tools/kql-check/node_modules/@kusto/language-service-next" ]]; then
  npm ci --prefix "$root/tools/kql-check" --no-audit --no-fund --silent
fi
# The Azure Storage backend's tests and `oomlab azurite` run Azurite (the official emulator, npm) from tools/azurite,
# pinned by its package-lock.json.
if [[ ! -x "$root/tools/azurite/node_modules/.bin/azurite" ]]; then
  npm ci --prefix "$root/tools/azurite" --no-audit --no-fund --silent
fi
