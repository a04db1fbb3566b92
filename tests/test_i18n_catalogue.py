"""The English catalogue is complete: every message translated, none fuzzy, placeholders kept.

The .po file is read with a small parser here (no third-party package), entry by entry.
"""

import ast
import re

from django.conf import settings

PO_FILE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


def catalogue_entries(text):
    """Each entry as {"flags": set, "msgid": str, "msgstr": [str, ...], ...}; header skipped."""
    entries = []
    for block in text.strip().split("\n\n"):
        entry = {"flags": set(), "msgstr": []}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif match := KEYWORD.match(line):
                key, value = match.group(1), ast.literal_eval(match.group(2))
                if key.startswith("msgstr"):
                    entry["msgstr"].append(value)
                else:
                    entry[key] = value
            elif line.startswith('"') and key is not None:
                value = ast.literal_eval(line)
                if key.startswith("msgstr"):
                    entry["msgstr"][-1] += value
                else:
                    entry[key] += value
        if entry.get("msgid"):
            entries.append(entry)
    return entries


ENTRIES = catalogue_entries(PO_FILE.read_text(encoding="utf-8"))


def test_the_parser_reads_the_whole_catalogue():
    assert len(ENTRIES) > 300


def test_no_message_is_left_without_english():
    empty = [e["msgid"] for e in ENTRIES if not e["msgstr"] or not all(e["msgstr"])]
    assert empty == []


def test_no_translation_is_marked_fuzzy():
    assert [e["msgid"] for e in ENTRIES if "fuzzy" in e["flags"]] == []


def test_no_translation_merely_copies_the_chinese_message():
    # Chinese may appear inside English (example values to type), never as the whole text.
    chinese = re.compile(r"[\u4e00-\u9fff]")
    copied = [
        e["msgid"] for e in ENTRIES if chinese.search(e["msgid"]) and e["msgid"] in e["msgstr"]
    ]
    assert copied == []


def test_every_translation_keeps_the_placeholders_of_its_message():
    def placeholders(text):
        return sorted(PLACEHOLDER.findall(text))

    broken = [
        e["msgid"]
        for e in ENTRIES
        if "python-format" in e["flags"]
        and any(placeholders(s) != placeholders(e["msgid"]) for s in e["msgstr"][:1])
    ]
    assert broken == []
