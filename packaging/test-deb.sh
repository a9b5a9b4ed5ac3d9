#!/bin/bash
# packaging/test-deb.sh [DEB]: installs the ResetDesk package on this machine and checks it end to end.
#
# Builds the package first (packaging/build-deb.sh, reusing target/resetdesk.jar) unless a DEB is given. Then:
# install (timed) -> files, user, folders, conffiles, units -> resetdesk --version -> resetdesk decode on a capture
# (when the build has "decode") -> the kiosk under Xvfb in training mode until "ready in N ms" (when the build has
# the kiosk) -> upgrade over itself (database backed up, data and config kept) -> remove (data kept) -> purge (gone).
# Needs root, apt/dpkg, Xvfb. Exit 0 when every check passed, 1 on the first failure. Idempotent: a resetdesk package
# left by an earlier run is purged first, and everything this run starts or installs is gone when it ends.
#
# Environment: RESETDESK_KIOSK_TIMEOUT (seconds to wait for "ready in", default 90),
#              RESETDESK_DECODE_CAPTURE (capture file for decode; default: first good SADP fixture in src/test).
set -uo pipefail
export LC_ALL=C DEBIAN_FRONTEND=noninteractive

cd "$(dirname "$0")/.."
top=$PWD
started=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
say() { printf 'test-deb: %s\n' "$*"; }
checks=0
ok() { checks=$((checks + 1)); say "ok   $*"; }
skipped=()

tmp=$(mktemp -d /tmp/resetdesk-test-deb.XXXXXX)
chmod 0755 "$tmp"
xvfb_pid=""
kiosk_pid=""
recorder_pid=""
netns=""
installed_by_us=no

purge_package() {
    # Whatever the test's resetdesk user left in /tmp (training mode's throwaway storage): the user is ours alone.
    if getent passwd resetdesk >/dev/null; then
        find /tmp /var/tmp -maxdepth 1 -user resetdesk -exec rm -rf {} + 2>/dev/null
    fi
    if dpkg-query -W -f='${db:Status-Status}' resetdesk 2>/dev/null | grep -qv '^not-installed$'; then
        dpkg --purge resetdesk >"$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log" >&2; return 1; }
    fi
}
cleanup() {
    if [ -n "$kiosk_pid" ]; then kill -KILL -- "-$kiosk_pid" 2>/dev/null; fi
    if [ -n "$recorder_pid" ]; then kill -KILL -- "-$recorder_pid" 2>/dev/null; fi
    if [ -n "$netns" ]; then ip netns delete "$netns" 2>/dev/null; fi
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; fi
    if [ "$installed_by_us" = yes ]; then purge_package; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
fail() {
    say "FAIL $*"
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (installs a package)"
exec 8>/run/lock/resetdesk-test-deb.lock
flock -w 900 8 || fail "another test-deb.sh still runs"

# --- the package ----------------------------------------------------------------------------------------------------
deb=${1:-}
if [ -z "$deb" ]; then
    t=$(date +%s%N)
    packaging/build-deb.sh || fail "build-deb.sh failed"
    say "build-deb.sh took $(ms_since "$t") ms"
    deb=$(ls -t target/resetdesk_*_amd64.deb | head -n 1)
fi
[ -f "$deb" ] || fail "no package at $deb"
deb=$(readlink -f "$deb")
version=$(dpkg-deb -f "$deb" Version)
pom_version=$(printf '%s' "$version" | tr '~' '-')
say "package $deb: $(( $(stat -c %s "$deb") / 1024 )) KiB, Installed-Size $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MiB"

if dpkg-query -W -f='${db:Status-Status}' resetdesk 2>/dev/null | grep -qv '^not-installed$'; then
    say "purging a resetdesk package left by an earlier run"
    purge_package || fail "could not purge the old resetdesk package"
fi
getent passwd resetdesk >/dev/null && fail "a resetdesk user exists without the package; remove it first"

# --- install --------------------------------------------------------------------------------------------------------
t=$(date +%s%N)
installed_by_us=yes
apt_install() {
    apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confold "$deb" >"$tmp/install.log" 2>&1
}
if ! apt_install; then
    # A missing Depends with stale package lists: refresh them once (not counted as install time).
    say "apt-get install failed; running apt-get update and trying again"
    t_update=$(date +%s%N)
    apt-get update -qq >"$tmp/update.log" 2>&1
    t=$(( t + $(date +%s%N) - t_update ))
    apt_install || { cat "$tmp/install.log" >&2; fail "apt-get install $deb failed"; }
fi
install_ms=$(ms_since "$t")
say "install took $install_ms ms"

# --- what the install left --------------------------------------------------------------------------------------------
[ -x /usr/bin/resetdesk ] && [ -x /opt/resetdesk/bin/resetdesk ] || fail "launcher missing"
[ ! -e /opt/resetdesk/lib/runtime/bin/java ] || fail "the runtime still has bin/java (strip-native-commands)"
grep -qx 'java-options=-Dh2.bindAddress=127.0.0.1' /opt/resetdesk/lib/app/resetdesk.cfg ||
    fail "launcher config lacks -Dh2.bindAddress=127.0.0.1"
ok "launcher in /usr/bin and /opt/resetdesk, own runtime, H2 bound to loopback"

getent passwd resetdesk | grep -q ':/var/lib/resetdesk:/usr/sbin/nologin$' || fail "resetdesk user: $(getent passwd resetdesk)"
id -nG resetdesk | tr ' ' '\n' | grep -qx dialout || fail "resetdesk is not in dialout: $(id -nG resetdesk)"
ok "system user resetdesk (no login shell) in dialout"

for d in /var/lib/resetdesk /var/lib/resetdesk/db /var/lib/resetdesk/data /var/lib/resetdesk/backups /var/log/resetdesk; do
    [ "$(stat -c '%U:%G %a' "$d" 2>/dev/null)" = "resetdesk:resetdesk 750" ] || fail "$d: $(stat -c '%U:%G %a' "$d" 2>&1)"
done
[ "$(stat -c '%U:%G %a' /etc/resetdesk/kiosk.properties)" = "root:resetdesk 640" ] ||
    fail "kiosk.properties: $(stat -c '%U:%G %a' /etc/resetdesk/kiosk.properties)"
[ "$(stat -c '%U:%G' /var/log/resetdesk/kiosk.log)" = "resetdesk:resetdesk" ] || fail "kiosk.log must belong to resetdesk"
ok "data, backup and log folders owned by resetdesk; config root:resetdesk 0640"

conffiles=$(dpkg-query -W -f='${Conffiles}\n' resetdesk)
for f in /etc/resetdesk/kiosk.properties /etc/default/resetdesk /etc/logrotate.d/resetdesk /etc/sudoers.d/resetdesk; do
    grep -q "^ $f " <<<"$conffiles" || fail "$f is not a conffile"
done
grep -qE '^(db\.path|data\.dir|handoff\.folder)=/var/lib/resetdesk/' /etc/resetdesk/kiosk.properties ||
    fail "the installed config does not point at /var/lib/resetdesk"
ok "config, defaults, logrotate and sudoers are conffiles"

for u in resetdesk-kiosk.service resetdesk-kiosk-cage.service resetdesk-backup.service resetdesk-backup.timer; do
    [ -f /usr/lib/systemd/system/$u ] || fail "unit $u missing"
done
[ -L /etc/systemd/system/timers.target.wants/resetdesk-backup.timer ] || fail "backup timer not enabled"
[ ! -e /etc/systemd/system/graphical.target.wants/resetdesk-kiosk.service ] || fail "kiosk unit enabled by the install"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /usr/lib/systemd/system/resetdesk-backup.service /usr/lib/systemd/system/resetdesk-backup.timer \
        >"$tmp/verify.log" 2>&1 || { cat "$tmp/verify.log" >&2; fail "systemd-analyze verify of the backup units"; }
fi
ok "units installed; backup timer enabled, kiosk session not enabled"

[ "$(stat -c '%U %a' /etc/sudoers.d/resetdesk)" = "root 440" ] || fail "sudoers drop-in must be root 0440"
if command -v visudo >/dev/null; then
    visudo -cf /etc/sudoers.d/resetdesk >/dev/null || fail "visudo rejects /etc/sudoers.d/resetdesk"
fi
[ "$(stat -c '%U %a' /usr/lib/resetdesk/resetdesk-alias)" = "root 755" ] || fail "resetdesk-alias must be root 0755"
out=$(/usr/lib/resetdesk/resetdesk-alias add lo 127.0.0.2/8 2>&1)
[ $? -eq 4 ] && grep -q 'sadp.interface is not set' <<<"$out" || fail "resetdesk-alias without sadp.interface: $out"
if command -v sudo >/dev/null; then
    out=$(runuser -u resetdesk -- sudo -n /usr/lib/resetdesk/resetdesk-alias list lo 2>&1)
    grep -q 'sadp.interface is not set' <<<"$out" || fail "resetdesk cannot run the alias helper through sudo: $out"
    out=$(runuser -u resetdesk -- sudo -n /usr/sbin/resetdesk-network-setup --dry-run 2>&1)
    [ $? -ne 0 ] && ! grep -q 'Name=' <<<"$out" || fail "sudoers lets resetdesk run more than the alias helper"
fi
ok "alias helper root-owned, refuses while sadp.interface is unset"

printf 'sadp.interface=rdtest%s\n' "$$" >"$tmp/net.properties"
out=$(/usr/sbin/resetdesk-network-setup --config "$tmp/net.properties" --dry-run 2>&1) ||
    fail "resetdesk-network-setup --dry-run: $out"
grep -qx "Name=rdtest$$" <<<"$out" && grep -qx 'DHCP=no' <<<"$out" || fail "network template not rendered: $out"
ok "resetdesk-network-setup renders the installed recorder-port template"

# --- the CLI from the installed launcher ----------------------------------------------------------------------------
t=$(date +%s%N)
out=$(cd "$tmp" && resetdesk --version 2>&1) || fail "resetdesk --version exited $?: $out"
[ "$out" = "resetdesk $pom_version" ] || fail "resetdesk --version printed '$out', expected 'resetdesk $pom_version'"
ok "resetdesk --version -> $out ($(ms_since "$t") ms)"

help=$(cd "$tmp" && resetdesk --help 2>&1)
if grep -qE '^[[:space:]]+decode([[:space:]]|$)' <<<"$help"; then
    capture=${RESETDESK_DECODE_CAPTURE:-}
    if [ -z "$capture" ]; then
        capture=$(find src/test/resources/fixtures/sadp/must-parse -type f 2>/dev/null | sort | head -n 1)
    fi
    [ -n "$capture" ] && [ -f "$capture" ] || fail "decode is in the build but no SADP capture was found"
    cp "$capture" "$tmp/capture"
    chmod 0644 "$tmp/capture"
    t=$(date +%s%N)
    out=$(cd "$tmp" && runuser -u resetdesk -- /usr/bin/resetdesk decode "$tmp/capture" 2>&1) ||
        fail "resetdesk decode $capture exited $?: $out"
    grep -q '"serial":"[^"]' <<<"$out" && grep -q '"error":null' <<<"$out" ||
        fail "resetdesk decode $capture printed: $out"
    ok "resetdesk decode $(basename "$capture") ($(ms_since "$t") ms) -> $(grep -o '"serial":"[^"]*"' <<<"$out")"
    printf '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>' >"$tmp/hostile"
    chmod 0644 "$tmp/hostile"
    out=$(cd "$tmp" && runuser -u resetdesk -- /usr/bin/resetdesk decode "$tmp/hostile" 2>/dev/null)
    rc=$?
    [ $rc -eq 1 ] && grep -q '"error":"[^"]' <<<"$out" && ! grep -q 'root:' <<<"$out" ||
        fail "resetdesk decode of an XXE document: exit $rc, $out"
    ok "resetdesk decode refuses an external-entity document (exit 1, error named)"
else
    skipped+=("decode (not in this build)")
    say "skip decode: 'resetdesk --help' lists no decode command in this build"
fi

# --- a virtual recorder from the installed runtime, in a network namespace of its own (UDP, HTTP, JSON, threads) ------
if grep -qE '^[[:space:]]+recorder-ctl([[:space:]]|$)' <<<"$help"; then
    ns="rd-packaging-deb-$$"
    ip netns add "$ns" || fail "cannot create network namespace $ns"
    netns=$ns
    ip -n "$ns" link set lo up
    t=$(date +%s%N)
    (cd "$tmp" && exec setsid ip netns exec "$ns" runuser -u resetdesk -- env RESETDESK_CONFIG=/nonexistent \
        /usr/bin/resetdesk recorder --profile nvr --control-port 18437 --serial DS-TESTDEB0001) >"$tmp/recorder.out" 2>&1 &
    recorder_pid=$!
    state=""
    for _ in $(seq 150); do
        state=$(cd "$tmp" && ip netns exec "$ns" env RESETDESK_CONFIG=/nonexistent /usr/bin/resetdesk recorder-ctl \
            --control-port 18437 state 2>/dev/null) && [ -n "$state" ] && break
        kill -0 "$recorder_pid" 2>/dev/null || break
        sleep 0.2
    done
    grep -q '"serial":"DS-TESTDEB0001"' <<<"$state" || { cat "$tmp/recorder.out" >&2; fail "virtual recorder state: '$state'"; }
    ok "virtual recorder (namespace $ns) answered recorder-ctl state in $(ms_since "$t") ms"
    kill -TERM -- "-$recorder_pid" 2>/dev/null
    wait "$recorder_pid" 2>/dev/null
    recorder_pid=""
    ip netns delete "$ns"
    netns=""
else
    skipped+=("virtual recorder (not in this build)")
fi

# --- the kiosk under Xvfb, training mode, as the resetdesk user -------------------------------------------------------
: >"$tmp/displayfd"
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x1024x24 3>"$tmp/displayfd" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
    [ -s "$tmp/displayfd" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; fail "Xvfb did not start"; }
    sleep 0.1
done
display=":$(tr -d '[:space:]' <"$tmp/displayfd")"
[ "$display" != ":" ] || fail "Xvfb gave no display number"

timeout_s=${RESETDESK_KIOSK_TIMEOUT:-90}
: >"$tmp/kiosk.out"
t=$(date +%s%N)
(cd /var/lib/resetdesk && exec setsid runuser -u resetdesk -- env DISPLAY="$display" /usr/bin/resetdesk --training) \
    >"$tmp/kiosk.out" 2>&1 &
kiosk_pid=$!
ready=""
deadline=$(( $(date +%s) + timeout_s ))
while [ "$(date +%s)" -lt "$deadline" ]; do
    ready=$(grep -m1 -oE 'ready in [0-9]+ ms' "$tmp/kiosk.out")
    [ -n "$ready" ] && break
    kill -0 "$kiosk_pid" 2>/dev/null || break
    sleep 0.2
done
wall=$(ms_since "$t")
if [ -n "$ready" ]; then
    ok "kiosk (training, Xvfb $display) printed '$ready' (wall $wall ms)"
    kill -TERM -- "-$kiosk_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$kiosk_pid" 2>/dev/null
elif grep -q 'the kiosk UI is not available in this build' "$tmp/kiosk.out"; then
    skipped+=("kiosk (not in this build)")
    say "skip kiosk: this build has no kiosk UI yet ($(head -c 200 "$tmp/kiosk.out"))"
elif kill -0 "$kiosk_pid" 2>/dev/null; then
    tail -n 20 "$tmp/kiosk.out" >&2
    fail "kiosk printed no 'ready in N ms' within ${timeout_s}s"
else
    wait "$kiosk_pid"
    rc=$?
    tail -n 20 "$tmp/kiosk.out" >&2
    fail "kiosk exited with $rc before 'ready in N ms'"
fi
wait "$kiosk_pid" 2>/dev/null
kiosk_pid=""
kill "$xvfb_pid" 2>/dev/null
wait "$xvfb_pid" 2>/dev/null
xvfb_pid=""

# --- a configured station: the app makes its database; upgrade over itself backs it up, keeps data and config ------
marker="test-deb $$ $(date +%s)"
# What a shop does after installing: configure the station (lo stands in for the dedicated port here).
printf '\n# %s\nsadp.interface=lo\n' "$marker" >>/etc/resetdesk/kiosk.properties
app_db=no
if grep -qE '^[[:space:]]+staff([[:space:]]|$)' <<<"$help"; then
    out=$(cd "$tmp" && echo 2468 | runuser -u resetdesk -- /usr/bin/resetdesk staff add --id deb-test \
        --name "Package test" --pin-stdin 2>&1) || fail "resetdesk staff add on the configured station: $out"
    [ -f /var/lib/resetdesk/db/resetdesk.mv.db ] || fail "staff add made no database at /var/lib/resetdesk/db"
    app_db=yes
    ok "configured station: resetdesk staff add wrote /var/lib/resetdesk/db/resetdesk.mv.db"
else
    # No store in this build: a real H2 file made with the package's own H2 (run by the system Java, since the
    # packaged runtime has no java command).
    runuser -u resetdesk -- java -cp /opt/resetdesk/lib/app/resetdesk.jar org.h2.tools.Shell \
        -url "jdbc:h2:file:/var/lib/resetdesk/db/resetdesk" -user sa -password "" \
        -sql "CREATE TABLE test_deb(x INT); INSERT INTO test_deb VALUES (42)" >"$tmp/h2.log" 2>&1 ||
        { cat "$tmp/h2.log" >&2; fail "could not create a test database"; }
    skipped+=("database made by the app (no staff command in this build)")
fi
runuser -u resetdesk -- sh -c "echo '$marker' >/var/lib/resetdesk/data/test-deb-marker"
# Backups land in /var/lib/resetdesk/backups (the package's file copy) or wherever "resetdesk db backup" puts them
# (the store keeps its own beside the database, in db/resetdesk-backups/).
backups() { find /var/lib/resetdesk -path '*backup*' -type f -printf '%T@ %P\n' | sort -n; }
before=$(backups | wc -l)
t=$(date +%s%N)
dpkg -i --force-confold "$deb" >"$tmp/upgrade.log" 2>&1 || { cat "$tmp/upgrade.log" >&2; fail "upgrade (reinstall) failed"; }
after=$(backups | wc -l)
[ "$after" -gt "$before" ] || { cat "$tmp/upgrade.log" >&2; fail "no new backup under /var/lib/resetdesk after the upgrade"; }
grep -qx "$marker" /var/lib/resetdesk/data/test-deb-marker || fail "data lost in the upgrade"
grep -qx "# $marker" /etc/resetdesk/kiosk.properties || fail "config change lost in the upgrade"
how=$(grep -q 'copied the database file' "$tmp/upgrade.log" && echo "file copy" || echo "resetdesk db backup")
ok "upgrade ($(ms_since "$t") ms): database backed up by $how ($(backups | tail -n 1 | cut -d' ' -f2)), data and config kept"
if [ "$app_db" = yes ]; then
    out=$(cd "$tmp" && runuser -u resetdesk -- /usr/bin/resetdesk audit verify 2>&1) ||
        fail "resetdesk audit verify after the upgrade: $out"
    ok "after the upgrade the new version reads the database: $out"
fi

# --- remove keeps the data, purge removes it --------------------------------------------------------------------------
dpkg --remove resetdesk >"$tmp/remove.log" 2>&1 || { cat "$tmp/remove.log" >&2; fail "dpkg --remove failed"; }
[ ! -e /opt/resetdesk ] && [ ! -e /usr/bin/resetdesk ] || fail "program files left after remove"
grep -qx "$marker" /var/lib/resetdesk/data/test-deb-marker || fail "remove deleted the data"
[ -f /var/lib/resetdesk/db/resetdesk.mv.db ] || fail "remove deleted the database"
grep -qx "# $marker" /etc/resetdesk/kiosk.properties || fail "remove deleted the config"
getent passwd resetdesk >/dev/null || fail "remove deleted the user"
ok "remove: program gone; database, data, config and user kept"

purge_package || fail "dpkg --purge failed"
installed_by_us=no
for p in /var/lib/resetdesk /var/log/resetdesk /etc/resetdesk /etc/sudoers.d/resetdesk \
         /etc/systemd/system/timers.target.wants/resetdesk-backup.timer; do
    [ ! -e "$p" ] && [ ! -L "$p" ] || fail "$p left after purge"
done
! getent passwd resetdesk >/dev/null || fail "user resetdesk left after purge"
! getent group resetdesk >/dev/null || fail "group resetdesk left after purge"
ok "purge: data, logs, config, user and group gone"

say "PASS $checks checks in $(ms_since "$started") ms; package $(( $(stat -c %s "$deb") / 1024 )) KiB; install $install_ms ms"
if [ ${#skipped[@]} -gt 0 ]; then say "not checked: ${skipped[*]}"; fi
exit 0
