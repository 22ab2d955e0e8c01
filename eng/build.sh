#!/usr/bin/env bash
# Builds the solution when a source file is newer than the last build (so `./agent` starts fast after the first run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stamp="$root/artifacts/.build-stamp"
if [[ "${1:-}" != "--force" && -f "$stamp" ]] && [[ -z "$(find "$root/src" "$root/tests" "$root/bench" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
      -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.yaml' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]]; then
  exit 0
fi
mkdir -p "$root/artifacts"
echo "build: dotnet build ActionAgent.sln" >&2
if ! dotnet build "$root/ActionAgent.sln" -c Debug -nologo -v:quiet > "$root/artifacts/build.log" 2>&1; then
  grep -E ': error |error NU|error MSB' "$root/artifacts/build.log" | sort -u >&2 || cat "$root/artifacts/build.log" >&2
  echo "build failed; the whole log is in artifacts/build.log" >&2
  exit 1
fi
touch "$stamp"
