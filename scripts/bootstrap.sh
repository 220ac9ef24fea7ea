#!/usr/bin/env bash
# Installs what this repository needs and a fresh machine may lack. Safe to run again: it only
# installs what is missing. Used by ./run.sh and ./test.sh; not meant to be run on its own.
set -euo pipefail

need_apt=()
command -v dotnet >/dev/null 2>&1 || {
  echo "error: the .NET 10 SDK (dotnet) is required and is not on PATH; see https://learn.microsoft.com/dotnet/core/install/linux" >&2
  exit 1
}
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || need_apt+=("$package")
done

if ((${#need_apt[@]})); then
  echo "Installing Debian packages: ${need_apt[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}"
fi
