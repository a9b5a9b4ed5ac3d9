#!/bin/bash
# packaging/build-deb.sh: builds target/resetdesk_<version>_amd64.deb, with its own jlinked Java runtime.
#
#   packaging/build-deb.sh [--rebuild-jar]
#
# 1. target/resetdesk.jar (mvn package, only when missing or with --rebuild-jar)
# 2. the runtime's module list from jdeps (cached per jar checksum in target/deb-cache/)
# 3. a jpackage app-image with a jlinked, compressed runtime: /opt/resetdesk
# 4. the package tree around it (launcher wrapper, units, udev, sudoers, logrotate, config, maintainer scripts),
#    its Depends computed by dpkg-shlibdeps from the runtime's native libraries, then dpkg-deb.
# Needs JDK 17 (jdeps, jpackage), dpkg-dev (dpkg-shlibdeps), fakeroot is not needed (--root-owner-group).
set -euo pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."
top=$PWD
pkg=packaging
started=$(date +%s%N)
step() { printf 'build-deb: %-34s %6d ms\n' "$1" $(( ($(date +%s%N) - started) / 1000000 )); }

rebuild=no
[ "${1:-}" = --rebuild-jar ] && rebuild=yes

# The project's own <version> is the first one indented by two spaces (a <parent> version would be indented by four).
pom_version=$(sed -n -E 's|^  <version>([^<]+)</version>.*|\1|p' pom.xml | head -n 1)
[ -n "$pom_version" ] || { echo "build-deb: no project version in pom.xml" >&2; exit 1; }
# Debian orders 0.2.0~SNAPSHOT before 0.2.0, as Maven does.
version=$(printf '%s' "$pom_version" | tr '-' '~')
arch=amd64
deb=target/resetdesk_${version}_${arch}.deb

jar=target/resetdesk.jar
if [ "$rebuild" = yes ] || [ ! -f "$jar" ]; then
    mvn -B -q -ntp -DskipTests package
fi
[ -f "$jar" ] || { echo "build-deb: $jar is missing after mvn package" >&2; exit 1; }
step "jar ready"

work=target/deb-build
cache=target/deb-cache
rm -rf "$work"
mkdir -p "$work/input" "$cache"
cp "$jar" "$work/input/resetdesk.jar"

sum=$(sha256sum "$jar" | cut -c1-16)
if [ ! -s "$cache/modules-$sum" ]; then
    rm -f "$cache"/modules-*
    jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar" >"$cache/modules-$sum.tmp"
    mv "$cache/modules-$sum.tmp" "$cache/modules-$sum"
fi
# Beside what jdeps sees: TLS with EC keys (SMTP STARTTLS), German locale data, zip file system, extra charsets.
modules="$(tr -d '\n' <"$cache/modules-$sum"),jdk.crypto.ec,jdk.localedata,jdk.zipfs,jdk.charsets"
step "modules: $(echo "$modules" | tr ',' '\n' | wc -l)"

jpackage --type app-image --name resetdesk --dest "$work/image" --app-version "${pom_version%%-*}" \
    --input "$work/input" --main-jar resetdesk.jar --main-class org.resetdesk.Main \
    --add-modules "$modules" \
    --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2" \
    --java-options "-Dh2.bindAddress=127.0.0.1" \
    --java-options "-Dfile.encoding=UTF-8" \
    --java-options "-Xmx512m" \
    --java-options "-XX:+ExitOnOutOfMemoryError"
step "jpackage app-image"

# --- the package tree -----------------------------------------------------------------------------------------------
root=$work/root
mkdir -p "$root/opt" "$root/DEBIAN"
mv "$work/image/resetdesk" "$root/opt/resetdesk"
chmod -R u+rwX,go+rX,go-w "$root/opt/resetdesk"
# Symbol tables of the runtime's native libraries (libjvm.so alone has 4 MB); the dynamic symbols stay.
find "$root/opt/resetdesk/lib/runtime" -name '*.so' -exec strip --strip-unneeded {} +

put() {   # put MODE SOURCE DEST
    install -D -m "$1" "$2" "$root$3"
}
put 0755 $pkg/bin/resetdesk /usr/bin/resetdesk
put 0755 $pkg/bin/resetdesk-alias /usr/lib/resetdesk/resetdesk-alias
put 0755 $pkg/bin/resetdesk-network-setup /usr/sbin/resetdesk-network-setup
put 0755 $pkg/lib/kiosk-session /usr/lib/resetdesk/kiosk-session
for unit in resetdesk-kiosk.service resetdesk-kiosk-cage.service resetdesk-backup.service resetdesk-backup.timer; do
    put 0644 $pkg/systemd/$unit /usr/lib/systemd/system/$unit
done
put 0644 $pkg/udev/60-resetdesk-serial.rules /usr/lib/udev/rules.d/60-resetdesk-serial.rules
put 0644 $pkg/network/resetdesk-recorder.network.in /usr/share/resetdesk/network/resetdesk-recorder.network.in
put 0644 $pkg/x11/50-resetdesk-kiosk.conf /etc/X11/xorg.conf.d/50-resetdesk-kiosk.conf
put 0440 $pkg/sudoers/resetdesk /etc/sudoers.d/resetdesk
put 0644 $pkg/logrotate/resetdesk /etc/logrotate.d/resetdesk
put 0644 $pkg/debian/default /etc/default/resetdesk
put 0644 kiosk-config/kiosk.example.properties /usr/share/resetdesk/kiosk.example.properties
put 0644 $pkg/README.md /usr/share/doc/resetdesk/README.md
put 0644 $pkg/debian/copyright /usr/share/doc/resetdesk/copyright

# The installed configuration: the documented example with only the storage paths active.
install -d -m 0750 "$root/etc/resetdesk"
$pkg/debian/make-conffile <kiosk-config/kiosk.example.properties >"$root/etc/resetdesk/kiosk.properties"
chmod 0640 "$root/etc/resetdesk/kiosk.properties"

for script in postinst prerm postrm; do
    install -m 0755 $pkg/debian/$script "$root/DEBIAN/$script"
done
(cd "$root" && find etc -type f | sed 's|^|/|' | sort) >"$root/DEBIAN/conffiles"
step "package tree"

# --- Depends from the runtime's native libraries --------------------------------------------------------------------
if command -v dpkg-shlibdeps >/dev/null; then
    shl=$work/shlibs
    mkdir -p "$shl/debian"
    printf 'Source: resetdesk\n\nPackage: resetdesk\nArchitecture: %s\n' "$arch" >"$shl/debian/control"
    runtime=$top/$root/opt/resetdesk/lib/runtime/lib
    mapfile -t elves < <(find "$top/$root/opt/resetdesk" -type f \( -name '*.so' -o -path '*/bin/resetdesk' \))
    shlibs=$(cd "$shl" && dpkg-shlibdeps -O --ignore-missing-info -l"$runtime" -l"$runtime/server" "${elves[@]}" \
        2>"$top/$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
    [ -n "$shlibs" ] || { echo "build-deb: dpkg-shlibdeps found nothing, see $work/shlibdeps.log" >&2; exit 1; }
else
    # No dpkg-dev here: what dpkg-shlibdeps computed for Debian 12's OpenJDK 17 runtime.
    echo "build-deb: dpkg-shlibdeps missing (apt-get install dpkg-dev); using the Debian 12 list" >&2
    shlibs="libasound2 (>= 1.0.16), libc6 (>= 2.34), libfreetype6 (>= 2.3.5), libgcc-s1 (>= 3.0), libgif7 (>= 5.1),"
    shlibs="$shlibs libharfbuzz0b (>= 1.2.6), libjpeg62-turbo (>= 1.3.1), liblcms2-2 (>= 2.2), libpng16-16 (>= 1.6.2),"
    shlibs="$shlibs libstdc++6 (>= 11), libx11-6, libxext6, libxi6, libxrender1, libxtst6, zlib1g (>= 1:1.2.2)"
fi
# AWT loads fontconfig and XRandR with dlopen, which dpkg-shlibdeps cannot see; the maintainer scripts need passwd.
depends="$shlibs, libfontconfig1, fonts-dejavu-core, libxrandr2, passwd"
step "depends"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@INSTALLED_SIZE@|$size|" -e "s|@DEPENDS@|$depends|" \
    $pkg/debian/control.in >"$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | xargs -d '\n' md5sum) \
    >"$root/DEBIAN/md5sums"

rm -f target/resetdesk_*_${arch}.deb
# The jar and the jlinked modules are compressed already: xz -6 would save 3 MB (5 %) but take 15 times as long.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
step "dpkg-deb"

echo "build-deb: $deb $(( $(stat -c %s "$deb") / 1024 )) KiB, installed $(( size / 1024 )) MiB"
echo "build-deb: Depends: $depends"
