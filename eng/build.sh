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
dotnet build "$root/ActionAgent.sln" -c Debug -nologo -clp:ErrorsOnly -v:quiet >&2
touch "$stamp"
