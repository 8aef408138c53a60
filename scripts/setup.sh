#!/usr/bin/env bash
# Set up everything trainingkit needs on a fresh machine, idempotently.
#   scripts/setup.sh main   - the course, grading and the demo (venv + CJK font)
#   scripts/setup.sh test   - all of the above, plus Chromium, JupyterHub's proxy and test tools
# The venv lives in .venv beside this repository; node packages in node_modules/.
set -euo pipefail
mode="${1:-main}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

"$python" - <<'PY' || { echo "需要 Python 3.11 或更高版本 / Python 3.11+ is required" >&2; exit 2; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

# System packages: a CJK font for charts, bubblewrap for the grading sandbox;
# Chromium for the browser tests.
apt_packages=(fonts-noto-cjk bubblewrap)
if [ "$mode" = test ]; then apt_packages+=(chromium); fi
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "安装系统软件包 / installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "提示：未能安装 ${missing[*]}（需要 root 与 apt-get）。请手动安装；图表中文需要 CJK 字体。" >&2
        echo "note: could not install ${missing[*]} (needs root and apt-get); install them by hand." >&2
        if [ "$mode" = test ]; then exit 2; fi
    fi
fi

if [ ! -x "$venv/bin/python" ]; then
    say "创建虚拟环境 / creating the virtual environment in .venv"
    "$python" -m venv "$venv"
fi
extras=grading
if [ "$mode" = test ]; then extras=dev; fi
say "安装 Python 依赖 / installing Python packages (.[$extras])"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -e "$here[$extras]"

if [ "$mode" = test ]; then
    if [ ! -x "$here/node_modules/.bin/configurable-http-proxy" ]; then
        say "安装 JupyterHub 代理 / installing configurable-http-proxy (npm)"
        (cd "$here" && npm install --no-save --no-audit --no-fund --loglevel=error configurable-http-proxy@5 >/dev/null)
    fi
fi
