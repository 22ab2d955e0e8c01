#!/usr/bin/env bash
# Builds when a source file is newer than the last build (so `./agent` starts fast after the first run).
#   eng/build.sh            the solution, Debug: what ./test runs (--force: build even when nothing changed)
#   eng/build.sh --agent    the agent command alone, Release and ReadyToRun-compiled (as the dotnet tool package is), into
#                           artifacts/agent: what ./agent runs. Its code is compiled ahead of time, so a run does not
#                           wait for the JIT (bench/README.md, issue 11: a booking's wall time 0.87x, its CPU 0.85x).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
force=false; what=solution
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    --agent) what=agent ;;
    *) echo "eng/build.sh: unknown argument '$arg' (--force, --agent)" >&2; exit 2 ;;
  esac
done
stamp="$root/artifacts/.build-stamp"; sources=("$root/src" "$root/tests" "$root/bench")
[[ "$what" == agent ]] && stamp="$root/artifacts/.agent-stamp" && sources=("$root/src")   # the command is built from src/ alone
if [[ "$force" == false && -f "$stamp" ]] && [[ -z "$(find "${sources[@]}" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
      -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' -o -name '*.yaml' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]]; then
  exit 0
fi
mkdir -p "$root/artifacts"
log="$root/artifacts/build.log"
if [[ "$what" == agent ]]; then
  log="$root/artifacts/build-agent.log"
  echo "build: dotnet publish src/ActionAgent.Cli -c Release (ReadyToRun) into artifacts/agent" >&2
  # --use-current-runtime: this machine's platform (the csproj restores it), framework-dependent; Release turns on
  # PublishReadyToRun (src/ActionAgent.Cli/ActionAgent.Cli.csproj). The folder is replaced only after a good build.
  command=(dotnet publish "$root/src/ActionAgent.Cli/ActionAgent.Cli.csproj" -c Release --use-current-runtime --self-contained false
    -o "$root/artifacts/agent.new" -nologo -v:quiet)
  rm -rf "$root/artifacts/agent.new"
else
  echo "build: dotnet build ActionAgent.sln" >&2
  command=(dotnet build "$root/ActionAgent.sln" -c Debug -nologo -v:quiet)
fi
if ! "${command[@]}" > "$log" 2>&1; then
  grep -E ': error |error NU|error MSB' "$log" | sort -u >&2 || cat "$log" >&2
  echo "build failed; the whole log is in ${log#"$root/"}" >&2
  exit 1
fi
if [[ "$what" == agent ]]; then
  rm -rf "$root/artifacts/agent" && mv "$root/artifacts/agent.new" "$root/artifacts/agent"
fi
touch "$stamp"
