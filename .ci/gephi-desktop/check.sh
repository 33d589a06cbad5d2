#!/usr/bin/env bash
# Manual check in a real Gephi Desktop 0.10.1 (issues 3 and 22). Gephi Desktop is not on Maven Central, so this runs
# only where GEPHI_HOME points to an installation (bin/gephi inside):
#   GEPHI_HOME=/opt/gephi-0.10.1 .ci/gephi-desktop/check.sh [OUT_DIR]
# It installs our three NBMs into a fresh user directory (an NBM's netbeans/ folder is a cluster: unpacked into the
# user directory, its modules load like ones installed through Tools > Plugins), starts Gephi twice on an Xvfb display
# of its own with the openbox window manager, and does what a user does, saving a PNG of every step into OUT_DIR:
#   1. File > Generate > Neural network graph, once for each of the seven graph kinds (the dialog opens on the kind
#      it remembers; one step down the kind list each time), 2 epochs on the bundled sample, each kind's default
#      model; after each, the workspace's first view. On the activation pattern graph: Statistics > every static
#      entry of the metrics plugin (Small-world coefficients, Effective coupling, Capacitance ranking, Modularity over
#      resolutions, Overlapping modularity, Leiden communities, Activation pattern entropy): its settings, its report; then the Data
#      Laboratory with the columns they wrote.
#   2. Gephi again, the generator set to "all checkpoints as one dynamic graph": the timeline workspace, then the
#      three entries of Statistics > Dynamic (each statistic over time) with their reports, and the Data Laboratory.
# A step that does not come (a dialog, a report, a workspace) ends the check with its name; so does a SEVERE line or
# an exception of ours in Gephi's log. Look at the screenshots: this script proves that every entry runs on a
# generator-made workspace, the pictures show whether what it made is right.
# Positions are those of Gephi 0.10.1's default layout on a 1600x1000 screen under openbox; dialog buttons are found
# from the dialog's own geometry (NetBeans puts OK 125 px left of and 43 px above its bottom-right corner).
# Needs: xvfb, openbox, xdotool, imagemagick (import), unzip.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/out/gephi-desktop}"
if [ -z "${GEPHI_HOME:-}" ]; then
  echo "gephi-desktop check: GEPHI_HOME is not set (point it to a Gephi 0.10.x installation); nothing to do."
  exit 0
fi
[ -x "$GEPHI_HOME/bin/gephi" ] || { echo "gephi-desktop check: $GEPHI_HOME/bin/gephi not found" >&2; exit 1; }
for tool in Xvfb openbox xdotool import unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "gephi-desktop check: $tool is missing (apt-get install xvfb openbox xdotool imagemagick unzip)" >&2; exit 1; }
done
shopt -s nullglob
nbms=("$root"/modules/library/target/*.nbm "$root"/importer/target/*.nbm "$root"/metrics-plugin/target/*.nbm)
if [ ${#nbms[@]} -lt 3 ]; then
  (cd "$root" && mvn -B -q -DskipTests install -pl importer,metrics-plugin -am)
  nbms=("$root"/modules/library/target/*.nbm "$root"/importer/target/*.nbm "$root"/metrics-plugin/target/*.nbm)
fi
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
mkdir -p "$out"
rm -f "$out"/*.png
display=":$((70 + RANDOM % 20))"
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY="$display"
sleep 2
openbox >/dev/null 2>&1 & wm=$!
gephi=0 userdir=""
stop_gephi() {
  if [ "$gephi" != 0 ]; then kill "$gephi" 2>/dev/null || true; wait "$gephi" 2>/dev/null || true; gephi=0; fi
  if [ -n "$userdir" ]; then cp "$userdir/var/log/messages.log" "$out/messages-$session.log" 2>/dev/null || true; rm -rf "$userdir"; fi
}
trap 'stop_gephi; kill $wm $xvfb 2>/dev/null || true' EXIT

step=0
fail() { echo "gephi-desktop check: $*" >&2; shot "failed" 1; exit 1; }
shot() { sleep "${2:-2}"; step=$((step + 1)); local f; f="$out/$(printf '%s-%02d' "$session" "$step")-$1.png"; import -window root "$f"; echo "screenshot: $f"; }
click() { xdotool mousemove "$1" "$2" click 1; }
# a visible window whose title is exactly $1 (xdotool takes a regular expression: its metacharacters are escaped)
window() { xdotool search --onlyvisible --name "^$(printf '%s' "$1" | sed 's/[][().*+?^$|\\]/\\&/g')\$" 2>/dev/null | head -1; }
wait_window() {
  for _ in $(seq 1 "${2:-120}"); do
    [ -n "$(window "$1")" ] && { sleep 1; return 0; }
    sleep 1
  done
  fail "no window '$1' appeared in ${2:-120} s"
}
wait_gone() {
  for _ in $(seq 1 "${2:-600}"); do
    [ -z "$(window "$1")" ] && return 0
    check_log
    sleep 1
  done
  fail "the window '$1' did not close in ${2:-600} s"
}
# clicks the OK (or Close) button of the dialog titled $1: 125 (48) px left of its right edge, 43 (53) px above its bottom
ok() {
  local X Y WIDTH HEIGHT SCREEN WINDOW
  eval "$(xdotool getwindowgeometry --shell "$(window "$1")")"
  click $((X + WIDTH - ${2:-125})) $((Y + HEIGHT - ${3:-43}))
}
close_report() { ok "HTML Report" 48 53; wait_gone "HTML Report" 10; }
log() { echo "$userdir/var/log/messages.log"; }
check_log() {
  if awk '/SEVERE|Exception/{p=1} p&&!/SEVERE|Exception/&&!/^(\tat |\t\.\.\. |Caused)/{p=0} p&&/org\.neuralgraph/{found=1} END{exit !found}' "$(log)"; then
    grep -n -B2 -A12 "SEVERE\|Exception" "$(log)" >&2 || true
    fail "our code logged an exception or SEVERE line (above)"
  fi
}
# the importer logs one line per first view it opens ("Nodes by layer ...", "Showing the 2 % strongest ...")
first_views() { grep -c "org.neuralgraph.importer.WorkspaceHandOver" "$(log)" || true; }

# starts Gephi with the generator's remembered settings ($@, as its dialog saves them) and opens a new project
start_gephi() {
  session="$1"; shift
  userdir="$(mktemp -d)"
  for nbm in "${nbms[@]}"; do
    local tmp; tmp="$(mktemp -d)"; unzip -q "$nbm" -d "$tmp"; cp -r "$tmp/netbeans/." "$userdir/"; rm -rf "$tmp"
  done
  mkdir -p "$userdir/config/Preferences/org/neuralgraph"
  printf '%s\n' "$@" > "$userdir/config/Preferences/org/neuralgraph/importer.properties"
  "$GEPHI_HOME/bin/gephi" --jdkhome "$jdk" --userdir "$userdir" --nosplash > "$out/gephi-$session.out" 2>&1 & gephi=$!
  step=0
  wait_window "Welcome" 180; sleep 8
  click 273 357                        # Welcome > New Project (also closes the dialog)
  sleep 3
}

# File > Generate > Neural network graph; $1 = steps down the graph kind list from the remembered kind
generate() {
  click 96 78; sleep 1                 # File
  xdotool mousemove 134 260; sleep 1   # Generate
  xdotool mousemove 355 260; click 355 260   # Neural network graph...
  wait_window "Neural network graph" 30
  if [ "$1" -gt 0 ]; then
    local X Y WIDTH HEIGHT SCREEN WINDOW
    eval "$(xdotool getwindowgeometry --shell "$(window "Neural network graph")")"
    click $((X + 610)) $((Y + 233)); sleep 1   # Graph kind
    for _ in $(seq 1 "$1"); do xdotool key Down; done
    xdotool key Return; sleep 1
  fi
  shot "generator-$2" 1
  local before; before=$(first_views)
  ok "Neural network graph"
  wait_gone "Neural network graph" 900
  for _ in $(seq 1 600); do [ "$(first_views)" -gt "$before" ] && break; check_log; sleep 1; done
  [ "$(first_views)" -gt "$before" ] || fail "the $2 workspace did not open in 10 minutes"
  shot "$2" 3
}

# Statistics > Run at ($1, $2) for the statistic named $3 (its builder's name, which titles its settings dialog): the
# settings dialog if it has one, OK, its report
statistic() {
  local name; name="$(printf '%s' "$3" | tr 'A-Z' 'a-z' | tr -cs 'a-z0-9' '-' | sed 's/-$//')"
  # the panel is as wide as its widest row, so its Run buttons move right as results appear: try from x $1 rightwards
  # (a click beside a Run button lands on a label, or on the report button of a statistic not yet run: no effect)
  local x
  for x in $1 $(($1 + 14)) $(($1 + 28)) $(($1 + 42)); do
    click "$x" "$2"
    for _ in $(seq 1 4); do [ -n "$(window "$3 settings")$(window "HTML Report")" ] && break 2; sleep 1; done
  done
  if [ -n "$(window "$3 settings")" ]; then
    shot "$name-settings" 1
    ok "$3 settings"
  fi
  wait_window "HTML Report" 600
  shot "$name-report" 2
  close_report
  check_log
}

statistics_tab() { click 1367 244; sleep 2; }
collapse() { click 1282 "$1"; sleep 1; }      # a group's header in the Statistics panel
data_laboratory() { click 272 107; shot "data-laboratory" 5; click 138 107; sleep 2; }   # then back to Overview

# the Run buttons' left part before any result
run=1456

# 1. the seven graph kinds, in the order the generator lists them; the static statistics on the activation graph
start_gephi static kind=weights model=mlp-seed000 epochs=2 checkpoints=2 timeline=false otherCheckpoints=false
generate 0 weights
generate 1 activations
statistics_tab
statistic $run 596 "Small-world coefficients"
statistic $run 634 "Effective coupling (beta_eff)"
statistic $run 672 "Neural capacitance ranking"
statistic $run 803 "Modularity over resolutions"
statistic $run 841 "Overlapping modularity"
statistic $run 879 "Leiden communities"
collapse 305                                   # Network Overview
statistic $run 593 "Activation pattern entropy"  # one row lower: Leiden communities sits above it
shot "statistics-panel" 1
data_laboratory
generate 1 line-graph
generate 1 feature-maps
generate 1 net-fragments-classes
generate 1 net-fragments-contributions
generate 1 mapper
check_log
stop_gephi

# 2. all checkpoints of an activation pattern graph as one dynamic graph; Statistics > Dynamic
start_gephi dynamic kind=activations model=mlp-512 epochs=2 checkpoints=3 timeline=true otherCheckpoints=false \
  kind.activations.layer=1 kind.activations.neurons-per-class=50
generate 0 activations-timeline
statistics_tab
# the timeline bar moves the panel up by 8 px: Network Overview, then Community Detection, collapsed
collapse 297; collapse 316
shot "statistics-dynamic" 1
statistic $run 698 "Small-world coefficients over time"
statistic $run 736 "Effective coupling (beta_eff) over time"
statistic $run 774 "Overlapping modularity over time"
data_laboratory
check_log
stop_gephi
echo "gephi-desktop check: done; look at the screenshots in $out"
