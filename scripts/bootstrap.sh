#!/usr/bin/env bash
# Installs the Debian packages of the given roles (scripts/packages.txt) that this machine lacks. Safe to run
# again: it only installs what is missing. Used by ./run.sh and ./test.sh; not meant to be run on its own.
#   scripts/bootstrap.sh collector jobs dashboard build [test]
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null 2>&1 || {
  echo "error: the .NET 10 SDK (dotnet) is required and is not on PATH; see https://learn.microsoft.com/dotnet/core/install/linux" >&2
  exit 1
}

need_apt=()
while read -r package; do
  case "$package" in
    # Node.js installed otherwise than from Debian (nvm, NodeSource) does as well.
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg -s "$package" >/dev/null 2>&1 || need_apt+=("$package")
done < <(scripts/packages-for "$@")

if ((${#need_apt[@]})); then
  echo "Installing Debian packages: ${need_apt[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}"
fi
