#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates po/tideline.pot from po/POTFILES.in, merges it into every
# language in po/LINGUAS and reports how much of each is left to translate.
#
#   build-aux/update-po.sh [BUILDDIR]     (default: _build/po)
#
# The xgettext options live in po/meson.build only, so this goes through
# meson's tideline-update-po target rather than calling xgettext itself.

set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

builddir="${1:-_build/po}"
if [[ ! -f "$builddir/build.ninja" ]]; then
  meson setup "$builddir" >/dev/null
fi
meson compile -C "$builddir" tideline-update-po >/dev/null

echo "po/tideline.pot: $(( $(grep -c '^msgid ' po/tideline.pot) - 1 )) messages"

status=0
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  po="po/$lang.po"
  # msgfmt prints e.g. "52 translated messages, 1 fuzzy translation, 1 untranslated message."
  stats="$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)" || status=1
  fuzzy="$(grep -o '[0-9]* fuzzy' <<<"$stats" | grep -o '[0-9]*' || echo 0)"
  untranslated="$(grep -o '[0-9]* untranslated' <<<"$stats" | grep -o '[0-9]*' || echo 0)"
  printf '%s: %s\n' "$po" "$stats"
  printf '%s: %d fuzzy, %d untranslated\n' "$lang" "$fuzzy" "$untranslated"
done
exit "$status"
