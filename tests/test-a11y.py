#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tideline as a screen reader sees it, through AT-SPI alone.

Starts the application on a generated database in its own home, lists
every interactive accessible of the main window and of the report editor
and fails on an empty name or one that reads like a class name; then fills
in and saves a rescue report through AT-SPI actions and text only, and
finds it in the store with `tideline export`.

Run by meson inside dbus-run-session (a private session bus, on which the
accessibility bus is started on demand) and under Xvfb. Every wait is a
condition with a deadline.
"""

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# The suite makes GLib warnings fatal; the AT-SPI client library warns
# about objects that go away while it reads them, which is no failure of
# Tideline's. Start again without, before GLib is loaded.
if 'G_DEBUG' in os.environ:
    env = dict(os.environ)
    del env['G_DEBUG']
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import pyatspi  # noqa: E402

DEADLINE = 60.0

INTERACTIVE_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box',
    'entry', 'text', 'password text', 'spin button', 'slider', 'list item',
    'menu item', 'check menu item', 'radio menu item', 'link', 'page tab',
    'switch', 'toggle',
}
NOT_INTERACTIVE = {
    'label', 'panel', 'filler', 'scroll pane', 'list', 'table', 'tree',
    'frame', 'dialog', 'window', 'image', 'section', 'grouping', 'separator',
    'heading', 'application', 'document frame', 'status bar', 'tool bar',
    'menu', 'popup menu', 'viewport', 'canvas', 'drawing area', 'level bar',
    'progress bar',
}
CLASS_LIKE = re.compile(r'^(Gtk|Adw|Shumate|Tl|Gdk)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|\s)_\w')


APP = None


def wait_for(what, condition, deadline=DEADLINE):
    """Polls @condition until it returns something true, or fails."""
    end = time.monotonic() + deadline
    while True:
        if APP is not None and APP.poll() is not None:
            sys.exit(f'FAIL: Tideline exited ({APP.returncode}) while waiting for {what}')
        try:
            result = condition()
        except Exception:  # the tree changes under us while it is read
            result = None
        if result:
            return result
        if time.monotonic() > end:
            sys.exit(f'FAIL: timed out waiting for {what}')
        time.sleep(0.1)


def children(acc):
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield child


def descendants(acc):
    for child in children(acc):
        yield child
        yield from descendants(child)


def role(acc):
    return acc.getRoleName()


def is_interactive(acc):
    r = role(acc)
    if r in INTERACTIVE_ROLES:
        return True
    if r in NOT_INTERACTIVE:
        return False
    return acc.getState().contains(pyatspi.STATE_FOCUSABLE)


def bad_name(name):
    """Why @name would not help a screen-reader user, or None."""
    name = (name or '').strip()
    if name == '':
        return 'empty'
    if CLASS_LIKE.match(name):
        return 'a class name'
    if MNEMONIC.search(name):
        return 'a mnemonic mark'
    words = name.split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return 'read twice'
    return None


def shown(acc):
    """Whether @acc and every ancestor are visible (a closed pop-over's
    items are visible widgets in a hidden window)."""
    while acc is not None and role(acc) not in ('frame', 'dialog', 'application'):
        if not acc.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        acc = acc.parent
    return True


def audit_once(window):
    interactive, bad = [], []
    for acc in descendants(window):
        if not is_interactive(acc) or not shown(acc):
            continue
        interactive.append(acc)
        why = bad_name(acc.name)
        if why:
            chain, up = [], acc.parent
            while up is not None and role(up) not in ('frame', 'dialog'):
                chain.append(f'{role(up)} {up.name!r}')
                up = up.parent
            bad.append(f'  {role(acc)} {acc.name!r} ({why}) in ' + ' < '.join(chain[:6]))
    return interactive, bad


def audit(window, label):
    """Lists the interactive accessibles of @window; returns the bad ones.
    A busy application may not answer in time: the listing is tried again
    until the deadline."""
    interactive, bad = wait_for(f'the accessibles of the {label}', lambda: audit_once(window))
    print(f'{label}: {len(bad)} of {len(interactive)} interactive accessibles badly named')
    for line in bad:
        print(line)
    return interactive, bad


def find(root, predicate, what):
    return wait_for(what, lambda: next((a for a in descendants(root) if predicate(a)), None))


def named(root, role_name, name):
    return find(root, lambda a: role(a) == role_name and a.name == name,
                f'{role_name} {name!r}')


def has_action(acc, name):
    try:
        action = acc.queryAction()
        return any(action.getName(i) == name for i in range(action.nActions))
    except Exception:
        return False


def do_action(acc, *names):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in names:
            if not action.doAction(i):
                sys.exit(f'FAIL: action {names} of {role(acc)} {acc.name!r} refused')
            return
    sys.exit(f'FAIL: {role(acc)} {acc.name!r} has none of the actions {names}')


def set_text(acc, text):
    # GTK 4.8 reads an AdwEntryRow's text back as '' over AT-SPI, so the
    # text written is checked in the store at the end instead.
    if not acc.queryEditableText().setTextContents(text):
        sys.exit(f'FAIL: could not write the text of {acc.name!r}')


def shown_choice(combo):
    """The item a combo row shows as chosen: its labels' texts."""
    return [a.name for a in descendants(combo) if role(a) == 'label']


def choose(combo, item):
    for _ in range(40):
        if item in shown_choice(combo):
            return
        do_action(combo, 'choice.next')
        time.sleep(0.05)
    sys.exit(f'FAIL: {combo.name!r} never showed {item!r}: {shown_choice(combo)}')


def pick(application, owner, item, shown):
    """Picks @item of a combo row or a drop-down by its name: opens the
    list of its choices (a window named like @owner) and clicks the one
    named @item, then waits for @shown(owner) to hold."""
    name = owner.name
    do_action(owner, 'choice.list')
    listed = wait_for(f'the list of {name!r}', lambda: next(
        (w for w in children(application) if w.name == name), None))
    button = wait_for(f'the choice {item!r} of {name!r}', lambda: next(
        (a for a in descendants(listed)
         if role(a) == 'push button' and a.name == item and has_action(a, 'click')), None))
    do_action(button, 'click')
    wait_for(f'{owner.name!r} showing {item!r}', lambda: shown(owner))


def pick_in_menu(application, window, name, shown, item):
    """Picks @item in the menu of the button that reads "@name: @shown"
    (a filter with several choices), and waits for it to read
    "@name: @item"."""
    button = find(window, lambda a: role(a) == 'push button' and a.name == f'{name}: {shown}'
                  and has_action(a, 'click'), f'the {name!r} menu reading {shown!r}')
    do_action(button, 'click')
    entry = wait_for(f'the menu item {item!r}', lambda: next(
        (a for w in children(application) for a in descendants(w)
         if role(a) in ('menu item', 'check menu item') and a.name == item
         and has_action(a, 'click')), None))
    checked = role(entry) == 'check menu item'
    do_action(entry, 'click')
    button = find(window, lambda a: role(a) == 'push button' and a.name == f'{name}: {item}',
                  f'the {name!r} menu reading {item!r}')
    # A check leaves the menu open for more: closed again, as a user does.
    if checked:
        do_action(button, 'click')
        wait_for(f'the {name!r} menu closed', lambda: not any(
            role(a) == 'check menu item' and a.name == item
            for w in children(application) for a in descendants(w)))


def drop_down_reads(owner, item):
    """A drop-down's button reads "Name: item"."""
    return any(a.name and a.name.endswith(': ' + item) for a in descendants(owner)
               if role(a) in ('toggle button', 'push button'))


KEYS_PRESSED = 0
KINDS_DONE = [0]


def press(keysym, ctrl=False):
    """One key, with Control held if @ctrl, synthesized through AT-SPI's
    device event controller (XTest under Xvfb). Counted."""
    global KEYS_PRESSED
    KEYS_PRESSED += 1
    if ctrl:
        pyatspi.Registry.generateKeyboardEvent(1 << 2, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    if ctrl:
        pyatspi.Registry.generateKeyboardEvent(1 << 2, None, pyatspi.KEY_UNLOCKMODIFIERS)


def type_text(text):
    """Typed text: not counted as keys."""
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)


def focused(window):
    return next((a for a in descendants(window)
                 if a.getState().contains(pyatspi.STATE_FOCUSED)), None)


def focus_name(window):
    acc = focused(window)
    return (role(acc), acc.name) if acc is not None else (None, None)


# Tabs from the time, the first field, to the position; then from the
# position to the first unit (through the pick button, and for a patrol
# the route's row and button and the kind of patrol).
KINDS = [('Departure', 0x31, 2, 0), ('Sighting', 0x32, 2, 0), ('Interception', 0x33, 2, 0),
         ('Rescue', 0x34, 3, 2), ('Arrival', 0x35, 2, 0), ('Patrol', 0x36, 2, 5)]


def tabs(n):
    for _ in range(n):
        press(0xff09)


def count_typed(tideline, database, env, home):
    """How many reports in the store are at the position typed."""
    out = os.path.join(home, 'out.csv')
    subprocess.run([tideline, 'export', '--database', database, '--format', 'csv',
                    '--from', '2000-01-01', '--to', '2100-01-01', '-o', out],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    with open(out, newline='') as f:
        return sum(1 for r in csv.DictReader(f) if r['latitude'].startswith('50.91666'))


def enter_by_keyboard(application, window, title, key, to_position, to_units, stored):
    """Enters a report of kind @title with keys alone; returns the keys
    pressed, not counting typed text. Key events reach the application in
    the order they are sent; the waits are for what can be seen."""
    global KEYS_PRESSED
    KEYS_PRESSED = 0
    press(key, ctrl=True)
    editor = wait_for(f'the {title} editor', lambda: next(
        (w for w in children(application) if w.name == f'New {title}'), None))
    # The form opens on the time: so many Tabs lead to the position.
    tabs(to_position)
    type_text('50 55.0N 1 30.0E')
    if title == 'Departure':
        # Escape on a changed form asks first; Escape again keeps editing.
        press(0xff1b)
        wait_for('the question before discarding', lambda: any(
            w.name == 'Discard Your Changes?' for w in children(application)))
        press(0xff1b)
        wait_for('the question answered', lambda: not any(
            w.name == 'Discard Your Changes?' for w in children(application)))
    if to_units:
        tabs(to_units)
        # GTK 4.8 does not tell AT-SPI where the focus is: the check box
        # found by type-ahead and checked with Space is what shows it.
        type_text('SNSM B')
        press(0x20)
        unit = named(editor, 'check box', 'SNSM Boulogne-sur-Mer')
        wait_for('the unit found by type-ahead checked',
                 lambda: unit.getState().contains(pyatspi.STATE_CHECKED))
    if title == 'Rescue':
        # Abeille Normandie, Gendarmerie maritime, Volunteer crew, Add a
        # unit, then People on board and Rescued.
        tabs(5)
        type_text('41')
        tabs(1)
        type_text('41')
    press(0xff0d, ctrl=True)
    # Saved: seen in the store, not in the accessibility tree (GTK 4.8
    # can crash when asked about a window while it is destroyed).
    wait_for(f'the {title} report in the store', lambda: stored() == KINDS_DONE[0] + 1)
    KINDS_DONE[0] += 1
    return KEYS_PRESSED


def main():
    build = os.environ.get('TIDELINE_BUILDDIR') or [a for a in sys.argv[1:] if not a.startswith('--')][0]
    keyboard = '--keyboard' in sys.argv
    tideline = os.path.join(build, 'src', 'tideline')
    home = tempfile.mkdtemp(prefix='tideline-a11y-')
    app = None
    try:
        env = dict(os.environ)
        env.update(HOME=home,
                   XDG_DATA_HOME=os.path.join(home, 'data'),
                   XDG_CONFIG_HOME=os.path.join(home, 'config'),
                   XDG_CACHE_HOME=os.path.join(home, 'cache'),
                   XDG_STATE_HOME=os.path.join(home, 'state'),
                   XDG_RUNTIME_DIR=home,
                   GTK_A11Y='atspi')
        env.pop('NO_AT_BRIDGE', None)
        # Warnings from the accessibility bus's own start must not abort.
        env.pop('G_DEBUG', None)
        database = os.path.join(home, 'tideline.db')
        subprocess.run([tideline, 'generate', '--database', database, '--per-day', '40'],
                       env=env, check=True, stdout=subprocess.DEVNULL)

        global APP
        app = APP = subprocess.Popen([tideline, '--database', database], env=env)
        desktop = pyatspi.Registry.getDesktop(0)
        application = wait_for('Tideline on the accessibility bus', lambda: next(
            (a for a in children(desktop) if a.name == 'tideline' and a.childCount > 0), None))
        window = wait_for('the main window', lambda: next(
            (w for w in children(application) if w.name.startswith('Tideline')), None))
        wait_for("the day's reports in the list", lambda: sum(
            1 for a in descendants(window) if role(a) == 'list item' and ':' in (a.name or '')) >= 5)

        if keyboard:
            keys = {}
            def stored():
                return count_typed(tideline, database, env, home)
            for title, key, to_position, to_units in KINDS:
                keys[title] = enter_by_keyboard(application, window, title, key, to_position, to_units, stored)
                print(f'keys for a {title.lower()} report: {keys[title]}')
            if stored() != len(KINDS):
                sys.exit(f'FAIL: {stored()} reports entered by keyboard are stored, not {len(KINDS)}')
            if keys.get('Rescue', 0) > 25:
                sys.exit(f'FAIL: a rescue report takes {keys["Rescue"]} keys, more than 25')
            return

        _, bad_main = audit(window, 'main window')

        # The filter: a kind and a unit picked by their names, then every
        # kind and unit again.
        pick_in_menu(application, window, 'Kind of Report', 'All Kinds', 'Rescue')
        units = named(window, 'combo box', 'Unit')
        do_action(units, 'choice.list')
        listed = wait_for('the list of units', lambda: next(
            (w for w in children(application) if w.name == 'Unit'), None))
        unit = wait_for('a unit in the list', lambda: next(
            (a.name for a in descendants(listed) if role(a) == 'push button'
             and a.name not in ('', 'All Units', 'Close') and has_action(a, 'click')), None))
        do_action(named(listed, 'push button', unit), 'click')
        wait_for(f'the unit filter reading {unit!r}', lambda: drop_down_reads(units, unit))
        pick(application, units, 'All Units', lambda owner: drop_down_reads(owner, 'All Units'))
        pick_in_menu(application, window, 'Kind of Report', 'Rescue', 'All Kinds')

        # A new rescue report, from the New Report menu.
        new_button = find(window, lambda a: role(a) == 'push button' and a.name == 'New Report'
                          and has_action(a, 'click'), 'the New Report button')
        do_action(new_button, 'click')
        rescue = wait_for('the Rescue menu item', lambda: next(
            (a for a in descendants(application)
             if a.name and a.name.startswith('Rescue') and role(a) in ('menu item', 'push button')), None))
        do_action(rescue, 'click')
        editor = wait_for('the report editor', lambda: next(
            (w for w in children(application) if w.name == 'New Rescue'), None))
        if wait_for("the editor's role", lambda: role(editor)) == 'filler':
            sys.exit('FAIL: the editor reads as a "filler"')

        _, bad_editor = audit(editor, 'report editor')

        # Fill it in through AT-SPI alone.
        set_text(named(editor, 'text', 'Position'), '50 55.0N 1 30.0E')
        do_action(named(editor, 'check box', 'RNLI Dover lifeboat'), 'check.toggle')
        wait_for('the unit checked', lambda: named(editor, 'check box', 'RNLI Dover lifeboat')
                 .getState().contains(pyatspi.STATE_CHECKED))
        set_text(named(editor, 'text', 'People on board'), '41')
        set_text(named(editor, 'text', 'Rescued'), '41')
        do_action(named(editor, 'check box', 'Engine failure'), 'check.toggle')
        # Choices picked by their names, as a screen reader user would,
        # and one stepped to.
        for field, item in (('Boat type', 'Inflatable'), ('Outcome', 'Landed in the UK')):
            pick(application, named(editor, 'combo box', field), item,
                 lambda combo, item=item: item in shown_choice(combo))
        choose(named(editor, 'combo box', 'Case'), 'New case')
        set_text(named(editor, 'text', 'Notes'), 'Entered through AT-SPI')

        save = named(editor, 'push button', 'Save')
        wait_for('Save enabled', lambda: save.getState().contains(pyatspi.STATE_SENSITIVE))
        do_action(save, 'click')
        wait_for('the editor closed', lambda: not any(
            w.name == 'New Rescue' for w in children(application)))
        saved_by_atspi = True

        # The report is in the store.
        out = os.path.join(home, 'out.csv')
        subprocess.run([tideline, 'export', '--database', database, '--format', 'csv',
                        '--from', '2000-01-01', '--to', '2100-01-01', '-o', out],
                       env=env, check=True)
        with open(out, newline='') as f:
            rows = [r for r in csv.DictReader(f)
                    if 'Entered through AT-SPI' in ' '.join(str(v) for v in r.values())]
        if len(rows) != 1:
            sys.exit(f'FAIL: {len(rows)} saved reports with the notes typed, not 1')
        text = ' '.join(str(v) for v in rows[0].values())
        for expected in ('rescue', 'RNLI Dover lifeboat', '41'):
            if expected not in text:
                sys.exit(f'FAIL: the saved report lacks {expected!r}: {rows[0]}')

        print(f'unnamed interactive widgets, main window: {len(bad_main)}')
        print(f'unnamed interactive widgets, editor: {len(bad_editor)}')
        print(f'rescue report saved through AT-SPI: {"yes" if saved_by_atspi else "no"}')
        if bad_main or bad_editor:
            sys.exit('FAIL: badly named accessibles')
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == '__main__':
    main()
