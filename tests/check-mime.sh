#!/bin/sh
# Installs the MIME type into a scratch data directory and checks that GIO then calls a
# .trellis file application/x-trellis+xml, as file managers and file choosers will.
#
#   check-mime.sh MIME-XML PROJECT-FILE
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$1" "$tmp/mime/packages/org.trellisapp.Trellis.xml"
update-mime-database "$tmp/mime"
cp "$2" "$tmp/project.trellis"
type=$(XDG_DATA_HOME="$tmp" gio info -a standard::content-type "$tmp/project.trellis" |
       sed -n 's/^ *standard::content-type: //p')
echo "project.trellis: $type"
[ "$type" = "application/x-trellis+xml" ]
