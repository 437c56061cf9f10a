#!/usr/bin/env bash
# Installs what consortium needs on a fresh Debian machine (idempotent): OpenBLAS (CBLAS),
# LAPACKE and pkg-config from Debian's packages. Swift itself must already be on the PATH.
set -euo pipefail

packages=(libopenblas-dev liblapacke-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on the PATH (Swift 6.1 or later is needed)" >&2; exit 1; }
