#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails if a source file with translatable messages is missing from
# po/POTFILES.in (xgettext would never see its messages, and the next
# template update would drop them from every translation), or if
# POTFILES.in names a file that is gone.
#
#   build-aux/check-potfiles.sh [SOURCE_ROOT]

set -euo pipefail
cd "${1:-$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/..}"

listed="$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort -u)"
status=0

while IFS= read -r file; do
  if ! grep -qxF "$file" <<<"$listed"; then
    echo "po/POTFILES.in: $file has translatable messages but is not listed"
    status=1
  fi
done < <({ grep -rlE '\b(N?_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(' src --include='*.c';
           grep -rl 'translatable="yes"' ui --include='*.ui'; } | sort -u)

while IFS= read -r file; do
  if [[ ! -e "$file" ]]; then
    echo "po/POTFILES.in: $file does not exist"
    status=1
  fi
done <<<"$listed"

exit $status
