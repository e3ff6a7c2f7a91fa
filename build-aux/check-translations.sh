#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails if a translation in po/LINGUAS lacks a message that the sources
# have today, or holds a fuzzy or malformed one: French is kept complete.
# The template is extracted afresh into a temporary folder with the
# keywords of meson's 'glib' gettext preset (po/meson.build), so nothing in
# the tree changes.
#
#   build-aux/check-translations.sh [SOURCE_ROOT]

set -euo pipefail
cd "${1:-$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/..}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/tideline-po-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

xgettext --files-from=po/POTFILES.in --directory=. --output="$tmp/tideline.pot" \
  --from-code=UTF-8 --add-comments --package-name=tideline \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format

status=0
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "po/$lang.po" "$tmp/tideline.pot"
  if ! msgfmt --check --output-file=/dev/null "$tmp/$lang.po"; then
    echo "po/$lang.po: msgfmt --check fails"
    status=1
  fi
  missing="$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)"
  fuzzy="$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)"
  # msgattrib prints the header entry too when it prints anything.
  (( missing > 0 )) && missing=$((missing - 1))
  (( fuzzy > 0 )) && fuzzy=$((fuzzy - 1))
  if (( missing > 0 || fuzzy > 0 )); then
    echo "po/$lang.po: $missing untranslated and $fuzzy fuzzy messages:"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | grep '^msgid ' | tail -n +2 | head -40
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" | grep '^msgid ' | tail -n +2 | head -40
    status=1
  else
    echo "po/$lang.po: complete"
  fi
done
exit "$status"
