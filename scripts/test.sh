#!/usr/bin/env bash
# Runs every test: installs what the tests need, builds once, runs all test projects, and prints
# a closing "N passed, N failed" line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-test-deps.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build OomLab.sln -c Release --nologo -v quiet -clp:ErrorsOnly
log="$(mktemp)"
status=0
# One test assembly at a time: the end-to-end tests start real workers under real memory ceilings, and
# sharing two cores with another assembly's tests would distort what they measure.
for project in tests/*/*.Tests.csproj; do
  dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
done
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed} passed, ${failed} failed"
if [[ "$status" -ne 0 || "$failed" -ne 0 ]]; then exit 1; fi
if [[ "$passed" -eq 0 ]]; then echo "no test ran" >&2; exit 1; fi
