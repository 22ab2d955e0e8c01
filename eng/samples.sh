#!/usr/bin/env bash
# The packages as a user without a clone gets them. After the main test run (./test calls this; `./test --samples` runs
# only this step): packs every src project once, from the Debug build ./test made (plus the tool's build for this
# platform), into artifacts/packages; builds and runs samples/ from a temporary folder outside the clone against that
# feed (samples.trx); installs the `agent` tool from the feed alone into a temporary tool path (ActionAgent.Cli, which
# points `dotnet tool install` at ActionAgent.Cli.<RID>) and, from a folder that is not a clone, runs `agent --version`
# and `agent run book-flight.yaml` (tool.trx); checks the tool package carries the demo sites once (in
# ActionAgent.Sites.dll). Both result files go to the folder given (default artifacts/test-results),
# where ./test counts them. Exits non-zero when any of it fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="${1:-$root/artifacts/test-results}"
feed="$root/artifacts/packages"
started=$SECONDS
mkdir -p "$results"
work="$(mktemp -d "${TMPDIR:-/tmp}/actionagent-samples.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "samples: packing every src project into $feed" >&2
rm -rf "$feed"
# The tool is two packages (src/ActionAgent.Cli/ActionAgent.Cli.csproj): ActionAgent.Cli points at
# ActionAgent.Cli.<RID>, a publish for the platform that packs, which needs agent.dll built for that RID
# (obj/Debug/net10.0/<RID>/): build just that project for it (the libraries' Debug build is reused), then pack everything
# from builds. Debug packs carry no ReadyToRun code (only Release does: a Debug image would hold our assemblies'
# unoptimized code, which nobody ships), so the package's shape, its install and its run are what this checks.
tool_rid="$(dotnet msbuild "$root/src/ActionAgent.Cli" -getProperty:ToolRuntime -p:Configuration=Debug)"
dotnet build "$root/src/ActionAgent.Cli" -c Debug -p:RuntimeIdentifier="$tool_rid" --no-dependencies --no-restore --nologo -v:quiet \
  > "$work/build-tool.log" 2>&1 || { cat "$work/build-tool.log" >&2; exit 1; }
dotnet pack "$root/ActionAgent.sln" --no-build -c Debug -o "$feed" --nologo -v:quiet > "$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
core=$(ls "$feed"/ActionAgent.Core.*.nupkg | grep -v '\.snupkg$' | head -1)
version="$(basename "$core" .nupkg)"; version="${version#ActionAgent.Core.}"
echo "samples: packed $(ls "$feed"/*.nupkg | wc -l) packages, version $version, in $((SECONDS - started)) s" >&2

# A version already in the global packages folder would be used instead of the one just packed (MinVer gives every
# uncommitted change the same version): drop ours, and only ours, before restoring.
packages="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: *//')"
for id in "$feed"/*.nupkg; do
  name="$(basename "$id" ".$version.nupkg" | tr '[:upper:]' '[:lower:]')"
  rm -rf "${packages%/}/$name/$version"
done

# The samples, the committed recording and the scenario, outside the clone: nothing above them holds scenarios/sites,
# so site:skyfare can only come from the packages.
cp -r "$root/samples" "$work/samples"
rm -rf "$work/samples"/*/bin "$work/samples"/*/obj
mkdir -p "$work/recordings" "$work/scenarios"
cp -r "$root/recordings/book-flight" "$work/recordings/"
cp "$root/scenarios/book-flight.yaml" "$root/scenarios/.env" "$work/scenarios/"
sed -i "s#value=\"../artifacts/packages\"#value=\"$feed\"#" "$work/samples/nuget.config"

status=0
echo "samples: building and running samples/ against the feed" >&2
phase=$SECONDS
dotnet test "$work/samples/ActionAgent.Samples" -c Debug --nologo -p:ActionAgentVersion="$version" \
  --logger "trx;LogFileName=samples.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=1
echo "samples: samples/ built and run in $((SECONDS - phase)) s" >&2
phase=$SECONDS

# The tool, from the local feed alone.
cat > "$work/tool-nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$feed" /></packageSources></configuration>
CONFIG
run="$work/run"; mkdir -p "$run"
cp "$root/scenarios/book-flight.yaml" "$root/scenarios/.env" "$run/"
tool_results=()
check() { # name, command...
  local name="$1"; shift
  local t0=$SECONDS
  if (cd "$run" && "$@") > "$work/$name.log" 2>&1; then
    tool_results+=("$name|Passed|$((SECONDS - t0))|")
  else
    echo "samples: $name failed:" >&2; tail -30 "$work/$name.log" >&2
    tool_results+=("$name|Failed|$((SECONDS - t0))|$(tail -5 "$work/$name.log" | tr -d '<>&"' | tr '\n' ' ')")
    status=1
  fi
}
# The demo sites travel once, embedded in ActionAgent.Sites.dll (written out to the user's data folder when no
# scenarios/sites is near): the tool package must not carry them as files as well.
sites_once() {
  local entries
  entries="$(unzip -Z1 "$feed/ActionAgent.Cli.$tool_rid.$version.nupkg")"
  if grep '/scenarios/sites/' <<<"$entries" | head -3 | grep .; then echo "the tool package carries scenarios/sites as files too" >&2; return 1; fi
  [[ "$(grep -c '/ActionAgent\.Sites\.dll$' <<<"$entries")" -eq 1 ]] || { echo "the tool package does not carry ActionAgent.Sites.dll once" >&2; return 1; }
}
check tool_package_carries_the_demo_sites_once sites_once
# The tool package is a pointer to the platform package, which `dotnet tool install` fetches and starts itself.
points_at_the_platform() {
  unzip -p "$feed/ActionAgent.Cli.$version.nupkg" tools/any/any/DotnetToolSettings.xml | tee /dev/stderr \
    | grep -q "RuntimeIdentifier=\"$tool_rid\" Id=\"ActionAgent.Cli.$tool_rid\""
}
check tool_package_points_at_the_platform_package points_at_the_platform
echo "samples: installing ActionAgent.Cli $version into a temporary tool path" >&2
check tool_installs_from_the_local_feed dotnet tool install ActionAgent.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/tool-nuget.config"
check agent_version_prints_the_packed_version bash -c "\"$work/tools/agent\" --version | tee /dev/stderr | grep -q \"^${version%%+*}\""
check agent_run_books_the_flight_outside_a_clone "$work/tools/agent" run book-flight.yaml --record-to "$run/book-flight"

echo "samples: the tool installed and run in $((SECONDS - phase)) s" >&2

# tool.trx: the tool's checks as test results, so ./test counts them with the rest.
passed=0; failed=0; rows=""
for r in "${tool_results[@]}"; do
  IFS='|' read -r name outcome seconds message <<<"$r"
  [[ "$outcome" == Passed ]] && passed=$((passed + 1)) || failed=$((failed + 1))
  rows+="    <UnitTestResult testName=\"ActionAgent.Cli.Tool.$name\" outcome=\"$outcome\" duration=\"00:00:$(printf '%02d' $((seconds % 60)))\"><Output><ErrorInfo><Message>$message</Message></ErrorInfo></Output></UnitTestResult>"$'\n'
done
cat > "$results/tool.trx" <<TRX
<?xml version="1.0" encoding="utf-8"?>
<TestRun name="eng/samples.sh: the agent tool from the local feed" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <Results>
$rows  </Results>
  <ResultSummary outcome="$([[ $failed -eq 0 ]] && echo Completed || echo Failed)">
    <Counters total="$((passed + failed))" executed="$((passed + failed))" passed="$passed" failed="$failed" />
  </ResultSummary>
</TestRun>
TRX
echo "samples: done in $((SECONDS - started)) s ($([[ $status -eq 0 ]] && echo passed || echo FAILED))" >&2
exit $status
