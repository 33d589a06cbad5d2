#!/usr/bin/env bash
# Manual check in a real Gephi Desktop 0.10.x (issue #3, 4b). Gephi Desktop is not on Maven Central, so this
# runs only where GEPHI_HOME points to an installation (bin/gephi inside):
#   GEPHI_HOME=/opt/gephi-0.10.1 .ci/gephi-desktop/check.sh [OUT_DIR]
#   KIND=activations GEPHI_HOME=... .ci/gephi-desktop/check.sh [OUT_DIR]   (activation pattern graph, layer 2, S = 10,
#   then Statistics > Activation pattern entropy on the activations the generator recorded with the workspace)
# It installs our two NBMs into a fresh user directory (an NBM's netbeans/ folder is a cluster: unpacked into
# the user directory, its modules load like ones installed through Tools > Plugins), starts Gephi on its own
# Xvfb display, and clicks through File > Generate > Neural network graph (5 epochs of the preset on the
# bundled sample), Statistics > Modularity over resolutions, and the Data Laboratory, saving a PNG of each
# step into OUT_DIR. Look at the screenshots.
# Without a window manager Gephi's popups and dialogs open beneath the main window: every step raises them.
# The click positions are those of Gephi 0.10.1's default layout on a 1600x1000 screen.
# Needs: xvfb, xdotool, imagemagick (import), x11-utils (xwininfo).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/out/gephi-desktop}"
if [ -z "${GEPHI_HOME:-}" ]; then
  echo "gephi-desktop check: GEPHI_HOME is not set (point it to a Gephi 0.10.x installation); nothing to do."
  exit 0
fi
[ -x "$GEPHI_HOME/bin/gephi" ] || { echo "gephi-desktop check: $GEPHI_HOME/bin/gephi not found" >&2; exit 1; }
for tool in Xvfb xdotool import xwininfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "gephi-desktop check: $tool is missing (apt-get install xvfb xdotool imagemagick x11-utils)" >&2; exit 1; }
done
shopt -s nullglob
nbms=("$root"/modules/library/target/*.nbm "$root"/importer/target/*.nbm "$root"/metrics-plugin/target/*.nbm)
if [ ${#nbms[@]} -lt 3 ]; then
  (cd "$root" && mvn -B -q -DskipTests package -pl importer,metrics-plugin -am)
  nbms=("$root"/modules/library/target/*.nbm "$root"/importer/target/*.nbm "$root"/metrics-plugin/target/*.nbm)
fi
mkdir -p "$out"
userdir="$(mktemp -d)"
for nbm in "${nbms[@]}"; do
  tmp="$(mktemp -d)"; unzip -q "$nbm" -d "$tmp"; cp -r "$tmp/netbeans/." "$userdir/"; rm -rf "$tmp"
done
if [ "${KIND:-weights}" = activations ]; then  # the generator's remembered settings (NbPreferences) pick the graph kind
  mkdir -p "$userdir/config/Preferences/org/neuralgraph"
  printf 'kind=activations\nkind.activations.layer=2\nkind.activations.neurons-per-class=10\nepochs=5\ncheckpoints=2\n' > "$userdir/config/Preferences/org/neuralgraph/importer.properties"
fi
display=":$((70 + RANDOM % 20))"
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY="$display"
sleep 2
"$GEPHI_HOME/bin/gephi" --userdir "$userdir" --nosplash > "$out/gephi.log" 2>&1 & gephi=$!
trap 'cp "$userdir/var/log/messages.log" "$out/" 2>/dev/null; kill $gephi 2>/dev/null; sleep 2; kill $xvfb 2>/dev/null; rm -rf "$userdir"' EXIT

window() { xwininfo -root -children | awk -v n="\"$1\"" 'index($0, n) {print $1; exit}'; }
wait_window() {
  for _ in $(seq 1 "${2:-120}"); do
    w=$(window "$1")
    if [ -n "$w" ] && xwininfo -id "$w" | grep -q IsViewable; then return 0; fi
    sleep 1
  done
  echo "gephi-desktop check: no window '$1' appeared" >&2
  return 1
}
raise_all() {  # every viewable top-level window but the main frame, oldest first
  local main; main=$(xwininfo -root -children | awk '/"Gephi 0.10.1/{print $1; exit}')
  for w in $(xwininfo -root -children | awk '/"/ && !/IconWindow|1x1\+/ {print $1}' | tac); do
    [ "$w" = "$main" ] && continue
    if xwininfo -id "$w" 2>/dev/null | grep -q IsViewable; then xdotool windowraise "$w" || true; fi
  done
  return 0
}
shot() { sleep "${2:-2}"; raise_all; sleep 1; import -window root "$out/$1.png"; echo "screenshot: $out/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; }

wait_window "Welcome"; sleep 10
xdotool windowraise "$(window Welcome)"; sleep 1
shot 01-welcome 0
click 272 338                      # Welcome > New Project (also closes the dialog)
shot 02-new-project
click 94 59; sleep 2; raise_all     # File
xdotool mousemove 132 241           # Generate
shot 03-file-generate 2
xdotool mousemove 320 241; click 353 241   # Neural network graph...
wait_window "Neural network graph" 30
shot 04-generator-settings
click 1156 767                      # OK: train 5 epochs on the bundled sample, then Gephi builds the workspace
for _ in $(seq 1 180); do
  w=$(window "Neural network graph")
  if [ -z "$w" ] || ! xwininfo -id "$w" | grep -q IsViewable; then break; fi
  sleep 1
done
shot 05-weight-graph 40
click 1367 231                      # Statistics tab
shot 06-statistics-panel
click 1457 787                      # Run "Modularity over resolutions" (Community Detection, below our three Network Overview entries)
wait_window "Modularity over resolutions settings" 30
shot 07-statistic-settings
click 951 556                       # OK
wait_window "HTML Report" 120
shot 08-report
click 1104 768                      # Close the report
if [ "${KIND:-weights}" = activations ]; then
  click "${ENTROPY_RUN_X:-1454}" "${ENTROPY_RUN_Y:-843}"   # Run "Activation pattern entropy" (Node Overview)
  wait_window "Activation pattern entropy settings" 30 && shot 10-entropy-settings && click 951 556
  wait_window "HTML Report" 120 && shot 11-entropy-report && click 1104 768
fi
click 271 88                        # Data Laboratory
shot 09-data-laboratory 5
grep -n "org.neuralgraph" "$userdir/var/log/messages.log" > "$out/modules.txt" || true
if grep -n -A5 "SEVERE\|Exception" "$userdir/var/log/messages.log" | grep -q "org.neuralgraph\.[a-z]*\.[A-Z]"; then
  echo "gephi-desktop check: our code logged an exception; see $userdir/var/log/messages.log" >&2
  cp "$userdir/var/log/messages.log" "$out/"
  exit 1
fi
cp "$userdir/var/log/messages.log" "$out/"
echo "gephi-desktop check: done; look at the screenshots in $out"
