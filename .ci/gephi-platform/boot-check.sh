#!/usr/bin/env bash
# Starts the assembled platform under Xvfb with a fresh user directory, lets the probe module (probe/) generate an
# activation pattern graph with the importer and run every statistic of the metrics plugin on it, and checks:
# every probe line PASS, the three neuralgraph modules turned on, no exception or SEVERE line that names our code.
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
# (the trap must not fail: under set -e a failing command in it, such as rm racing the application's last log
# lines, would turn a passed check into exit status 1)
cleanup() {
  if [ "$app_pid" != 0 ]; then
    kill -- -"$app_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- -"$app_pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$userdir" 2>/dev/null || true
}
trap cleanup EXIT
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
# the generator's remembered settings, as its dialog saves them: a small activation pattern graph (layer 2, S = 10)
# of the 784-50-50-50-10 MLP trained 2 epochs on the shipped sample, checkpoints at epochs 0 and 2
mkdir -p "$userdir/config/Preferences/org/neuralgraph"
printf '%s\n' kind=activations model=mlp-seed000 epochs=2 checkpoints=2 timeline=false otherCheckpoints=false \
  kind.activations.layer=2 kind.activations.neurons-per-class=10 > "$userdir/config/Preferences/org/neuralgraph/importer.properties"
probe="$userdir/probe.txt"
setsid xvfb-run -a -s "-screen 0 1600x1000x24" "$app/bin/ngcheck" --jdkhome "$jdk" --userdir "$userdir" --nosplash \
  -J-Dneuralgraph.probe="$probe" > "$userdir/stdout.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 400); do   # the probe trains twice, generates and runs nine statistics: about a minute here
  if [ -f "$probe" ] && grep -q "^DONE" "$probe"; then
    sleep 3   # let the application exit and its log close
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
if [ ! -f "$probe" ] || ! grep -q "^DONE" "$probe"; then
  echo "boot-check: the probe did not finish in 400 s; what it wrote:" >&2
  cat "$probe" >&2 2>/dev/null || true
  fail=1
fi
[ -f "$probe" ] && { sed "s/^/boot-check: probe: /" "$probe" | grep -v ": DONE$" || true; }
if [ -f "$probe" ] && grep -q "^FAIL" "$probe"; then fail=1; fi
for m in org.neuralgraph.library org.neuralgraph.importer org.neuralgraph.metrics; do
  if grep -q "$m \[" "$log"; then echo "boot-check: $m is enabled"; else echo "boot-check: $m was NOT enabled" >&2; fail=1; fi
done
# an exception or SEVERE record whose text or stack names our packages
# (a block is the SEVERE or exception line and the stack lines under it: "\tat ...", "\t... n more", "Caused by";
# the module list is tab-indented too, and a module named like *exceptions* must not open a block)
if awk '/SEVERE|Exception/{p=1} p&&!/SEVERE|Exception/&&!/^(\tat |\t\.\.\. |Caused)/{p=0} p&&/org\.neuralgraph/{found=1} END{exit !found}' "$log"; then
  echo "boot-check: our code logged an exception or SEVERE line:" >&2
  grep -n -B3 -A10 "org\.neuralgraph" "$log" | grep -v "^\s*[0-9]*-\s*org.neuralgraph.* \[" >&2 || true
  fail=1
fi
if grep -qi "warning.*could not install\|cannot be installed" "$log"; then
  echo "boot-check: the platform could not install some modules:" >&2
  grep -i -A10 "could not install\|cannot be installed" "$log" >&2
  fail=1
fi
[ "$fail" = 0 ] && echo "boot-check: passed ($(grep -c "^PASS" "$probe") probe checks, $(grep -c . "$log") log lines)"
exit "$fail"
