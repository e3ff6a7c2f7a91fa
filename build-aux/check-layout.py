#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that Tideline's source tree keeps its layout.

    build-aux/check-layout.py [SOURCE_ROOT]
    build-aux/check-layout.py --self-test

Fails, naming the file and line, on:
  - a GTK, GDK, libadwaita or libshumate include in src/core or src/cli,
    which must build and run without a display;
  - an include that runs up the layer order: a folder may include headers
    from itself and from the folders below it, never from one above. The
    order of src/core's folders is the list `tl_core_dirs` in
    src/core/meson.build (lowest first), a subfolder being part of its
    folder's layer; above them come src/cli, then the
    widget folders in OUTER_ORDER, then the application in src/;
  - a .c file in src/ longer than MAX_LINES lines.

--self-test builds small trees with one fault each in a temporary folder and
checks that each fault is reported (and that a clean tree passes).
"""

import os
import re
import sys
import tempfile

MAX_LINES = 800

# Above src/core, lowest first. Each widget folder may use the ones before it.
OUTER_ORDER = ['src/cli', 'src/a11y', 'src/map', 'src/timeline', 'src/reports', 'src/export', 'src']

# Headers that make code need a display.
DISPLAY_INCLUDE = re.compile(r'#\s*include\s*<\s*(gtk/|gdk/|gsk/|adwaita\.h|shumate/)')
LOCAL_INCLUDE = re.compile(r'#\s*include\s*"([^"]+)"')
CORE_DIRS = re.compile(r'tl_core_dirs\s*=\s*\[(.*?)\]', re.S)


def core_order(root):
    path = os.path.join(root, 'src', 'core', 'meson.build')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    m = CORE_DIRS.search(text)
    if m is None:
        raise SystemExit(f'{path}: no tl_core_dirs list')
    names = re.findall(r"'([^']+)'", re.sub(r'#[^\n]*', '', m.group(1)))
    return ['src/core/' + n for n in names]


def source_files(root):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, 'src')):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(('.c', '.h')):
                yield os.path.relpath(os.path.join(dirpath, name), root)


def check(root):
    """Returns the list of problems found under @root."""
    order = core_order(root) + OUTER_ORDER
    ranks = {folder: i for i, folder in enumerate(order)}

    def rank_of(folder):
        # A subfolder of a core folder (src/core/store/pg) is part of that
        # folder's layer.
        parts = folder.split('/')
        if len(parts) > 3 and parts[:2] == ['src', 'core']:
            folder = '/'.join(parts[:3])
        return ranks.get(folder)

    files = list(source_files(root))
    problems = []

    # Includes are written by bare name (every folder is an include
    # directory), so a name must belong to one file only.
    by_name = {}
    for path in files:
        by_name.setdefault(os.path.basename(path), []).append(path)
    for name, paths in sorted(by_name.items()):
        if len(paths) > 1:
            problems.append(f'{name}: several files have this name: {", ".join(paths)}')

    for path in files:
        folder = os.path.dirname(path)
        rank = rank_of(folder)
        if rank is None:
            problems.append(f'{path}: folder {folder} is not in the layer order '
                            '(src/core/meson.build tl_core_dirs, or OUTER_ORDER in this script)')
            continue
        headless = folder.startswith('src/core') or folder == 'src/cli'
        with open(os.path.join(root, path), encoding='utf-8') as f:
            lines = f.readlines()
        for number, line in enumerate(lines, 1):
            if headless and DISPLAY_INCLUDE.search(line):
                problems.append(f'{path}:{number}: {line.strip()}: {folder} must not need a display '
                                '(no GTK, GDK, libadwaita or libshumate)')
            m = LOCAL_INCLUDE.search(line)
            if m is None:
                continue
            target = by_name.get(os.path.basename(m.group(1)))
            if not target:
                continue  # config.h and other generated headers
            target_folder = os.path.dirname(target[0])
            target_rank = rank_of(target_folder)
            if target_rank is not None and target_rank > rank:
                problems.append(f'{path}:{number}: includes {target[0]}: {target_folder} is above '
                                f'{folder} in the layer order')
        if path.endswith('.c') and len(lines) > MAX_LINES:
            problems.append(f'{path}: {len(lines)} lines, over {MAX_LINES}: split it')
    return problems


def self_test():
    def make_tree(base, extra):
        files = {
            'src/core/meson.build': "tl_core_dirs = [\n  'low',  # a comment\n  'high',\n]\n",
            'src/core/low/tl-low.h': '#pragma once\n#include <glib.h>\n',
            'src/core/low/tl-low.c': '#include "config.h"\n#include "tl-low.h"\n',
            'src/core/high/tl-high.h': '#pragma once\n#include "tl-low.h"\n',
            'src/core/high/tl-high.c': '#include "tl-high.h"\n',
            'src/map/tl-map.c': '#include <gtk/gtk.h>\n#include "tl-high.h"\n',
            'src/tl-window.c': '#include <adwaita.h>\n#include "tl-map.h"\n',
            'src/map/tl-map.h': '#pragma once\n',
        }
        files.update(extra)
        for path, text in files.items():
            full = os.path.join(base, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'w', encoding='utf-8') as f:
                f.write(text)

    cases = {
        'clean': ({}, None),
        'GTK in core': ({'src/core/low/tl-low.c': '#include <gtk/gtk.h>\n'}, 'must not need a display'),
        'libshumate in cli': ({'src/cli/tl-cli.c': '#include <shumate/shumate.h>\n'},
                              'must not need a display'),
        'upward in core': ({'src/core/low/tl-low.c': '#include "tl-high.h"\n'}, 'is above'),
        'core includes a widget': ({'src/core/high/tl-high.c': '#include "tl-map.h"\n'}, 'is above'),
        'long file': ({'src/core/low/tl-long.c': 'int x;\n' * (MAX_LINES + 1)}, 'split it'),
        'unknown folder': ({'src/core/elsewhere/tl-x.c': '\n'}, 'not in the layer order'),
        'subfolder in its layer': ({'src/core/high/sub/tl-sub.c': '#include "tl-high.h"\n',
                                    'src/core/high/tl-high.c': '#include "tl-sub.h"\n',
                                    'src/core/high/sub/tl-sub.h': '#pragma once\n'}, None),
        'upward from a subfolder': ({'src/core/low/sub/tl-sub.c': '#include "tl-high.h"\n'}, 'is above'),
    }
    failed = 0
    print(f'1..{len(cases)}')
    for name, (extra, expected) in cases.items():
        with tempfile.TemporaryDirectory(prefix='tideline-layout-') as base:
            make_tree(base, extra)
            problems = check(base)
        if expected is None:
            ok = not problems
        else:
            ok = any(expected in p for p in problems)
        print(f'{"ok" if ok else "not ok"} - {name}' + ('' if ok else f': {problems}'))
        failed += not ok
    return 1 if failed else 0


def main(argv):
    if len(argv) > 1 and argv[1] == '--self-test':
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    problems = check(root)
    for p in problems:
        print(p)
    if not problems:
        print('layout: ok')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
