#!/bin/sh
# The end-to-end tests drive Debian's Chromium (/usr/bin/chromium). Install it when missing and we
# may; otherwise say so: those tests are then skipped (and fail in CI, where they are required).
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -q && apt-get install -y -q chromium && exit 0
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && command -v apt-get >/dev/null 2>&1; then
  sudo apt-get update -q && sudo apt-get install -y -q chromium && exit 0
fi
echo "Let op: Chromium ontbreekt (/usr/bin/chromium); de browsertests worden overgeslagen." >&2
echo "Installeer het met: sudo apt-get install chromium" >&2
exit 0
