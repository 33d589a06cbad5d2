#!/usr/bin/env bash
# Starts the assembled platform under Xvfb with a fresh user directory and checks its log:
# both neuralgraph modules turned on, no exception or SEVERE line that names our code.
set -euo pipefail
app="$1"
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "boot-check: xvfb-run is missing (Debian package xvfb); .ci/run installs it" >&2
  exit 1
fi
userdir="$(mktemp -d)"
log="$userdir/var/log/messages.log"
# xvfb-run, Xvfb and the application run in a session of their own, so the exit trap ends all of them
app_pid=0
trap '[ "$app_pid" != 0 ] && kill -- -"$app_pid" 2>/dev/null; sleep 1; rm -rf "$userdir"' EXIT
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
setsid xvfb-run -a -s "-screen 0 1600x1000x24" "$app/bin/ngcheck" --jdkhome "$jdk" --userdir "$userdir" --nosplash \
  > "$userdir/stdout.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
  if [ -f "$log" ] && grep -q "org.neuralgraph.importer \[" "$log" && grep -q "org.neuralgraph.metrics \[" "$log"; then
    sleep 5   # let the modules' start-up finish logging
    break
  fi
  sleep 1
done
if [ ! -f "$log" ]; then
  echo "boot-check: the platform wrote no log; its output:" >&2
  cat "$userdir/stdout.log" >&2
  exit 1
fi
fail=0
for m in org.neuralgraph.importer org.neuralgraph.metrics; do
  if grep -q "$m \[" "$log"; then echo "boot-check: $m is enabled"; else echo "boot-check: $m was NOT enabled" >&2; fail=1; fi
done
# an exception or SEVERE record whose text or stack names our packages
if awk '/SEVERE|Exception/{p=1} p&&/org\.neuralgraph/{found=1} /^$/{p=0} END{exit !found}' "$log"; then
  echo "boot-check: our code logged an exception or SEVERE line:" >&2
  grep -n -B3 -A10 "org\.neuralgraph" "$log" | grep -v "^\s*[0-9]*-\s*org.neuralgraph.* \[" >&2 || true
  fail=1
fi
if grep -qi "warning.*could not install\|cannot be installed" "$log"; then
  echo "boot-check: the platform could not install some modules:" >&2
  grep -i -A10 "could not install\|cannot be installed" "$log" >&2
  fail=1
fi
[ "$fail" = 0 ] && echo "boot-check: passed ($(grep -c . "$log") log lines)"
exit "$fail"
