#!/usr/bin/env bash
# Installs what ActionAgent needs on a Debian/Ubuntu machine, once, and only what is missing.
#   eng/setup.sh run    what `agent run` needs: Chromium, fonts, Tesseract OCR; on Debian also Chromium's headless shell,
#                       which headless runs prefer (it starts and draws faster; a distribution without the package is
#                       left with the full browser, which works the same, only slower)
#   eng/setup.sh test   the above plus what the tests need: Xvfb, xdotool, ImageMagick, D-Bus, AT-SPI, the desktop apps the
#                       desktop tests drive (Mousepad, zenity, gnome-calculator), PostgreSQL, unzip (eng/samples.sh
#                       looks inside the tool package)
# Without root (and without sudo) it prints the exact command to run instead, and exits 3.
set -euo pipefail
mode="${1:-run}"

need_commands=(chromium tesseract)
packages=(chromium fonts-liberation fonts-dejavu-core tesseract-ocr tesseract-ocr-eng)
optional_command=chromium-headless-shell
optional_package=chromium-headless-shell
if [[ "$mode" == "test" ]]; then
  need_commands+=(Xvfb xdotool convert dbus-launch mousepad zenity gnome-calculator unzip)
  packages+=(xvfb xdotool imagemagick dbus-x11 at-spi2-core mousepad zenity gnome-calculator postgresql unzip)
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed. See https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 3
fi

missing=()
for c in "${need_commands[@]}"; do
  command -v "$c" >/dev/null 2>&1 || missing+=("$c")
done
# A browser given by configuration counts as installed.
if [[ -n "${ACTIONAGENT_BROWSER:-}" && -x "${ACTIONAGENT_BROWSER}" ]]; then
  missing=("${missing[@]/chromium}")
fi
# The scheduler's cluster tests start their own PostgreSQL server from Debian's binaries (not on PATH).
if [[ "$mode" == "test" ]] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
want_optional=0
# The optional shell is tried (or its note shown) once per clone: `./agent` runs this script before every command, and a
# distribution without the package, or a machine offline, would otherwise pay an apt-get update on each.
optional_tried="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/artifacts/setup/$optional_package.tried"
if ! command -v "$optional_command" >/dev/null 2>&1 && [[ -z "${ACTIONAGENT_BROWSER:-}" ]] && command -v apt-get >/dev/null 2>&1 \
   && ! grep -qi '^ID=ubuntu' /etc/os-release 2>/dev/null && [[ ! -e "$optional_tried" ]]; then
  want_optional=1
fi
remember_optional() { mkdir -p "$(dirname "$optional_tried")" 2>/dev/null && : > "$optional_tried" 2>/dev/null || true; }
[[ ${#missing[@]} -eq 0 && $want_optional -eq 0 ]] && exit 0

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: missing ${missing[*]}; installing Debian packages: ${packages[*]}" >&2
fi
if [[ $(id -u) -eq 0 ]]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
elif [[ ${#missing[@]} -eq 0 ]]; then
  # Only the optional headless shell is missing: say how to get it, and go on with the full browser.
  echo "setup: note: headless runs would start faster with Chromium's headless shell: sudo apt-get install $optional_package" >&2
  remember_optional
  exit 0
else
  echo "error: cannot install packages without root. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
  exit 3
fi
export DEBIAN_FRONTEND=noninteractive
if [[ ${#missing[@]} -gt 0 ]]; then
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
elif [[ $want_optional -eq 1 ]]; then
  $sudo apt-get update -qq >&2 || true   # offline: the install below says so, and the full browser is used
fi
if [[ $want_optional -eq 1 ]]; then
  # Optional: where the distribution has no such package, headless runs use the full browser.
  if $sudo apt-get install -y -qq --no-install-recommends "$optional_package" >&2; then
    echo "setup: installed $optional_package (headless runs use it: faster than the full browser)" >&2
  else
    echo "setup: note: $optional_package is not available here; headless runs use the full Chromium (not tried again: remove $optional_tried to retry)" >&2
    remember_optional
  fi
fi
