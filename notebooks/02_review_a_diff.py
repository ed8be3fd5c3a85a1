# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Review a diff
#
# For analysts reviewing what changed between two versions of a notice (a 征求意见稿
# and the final text, last year's and this year's measures) or between two runs of the
# pipeline. `zhengce diff OLD NEW --json` matches items by content, not by offset, and
# reports each added / removed / changed item with its clause path and source sentence;
# this notebook loads that JSON into pandas and lays it out for review:
#
# 1. a count of changes per list;
# 2. every changed item with its field changes (`value: 50000 → 80000`) and the old and
#    new sentence side by side;
# 3. the removed and added items with their clause path and sentence;
# 4. one review sheet per change, as a reviewer would read it.
#
# **Default example.** A seed notice (001, 金华) is copied twice into a temporary folder;
# in the second copy 金华大工匠's grant is raised from 5万 to 8万 and the sentence on
# 国家集训队 funding is deleted. Both folders are run through the pipeline and diffed.
#
# **Your own pair.** Set `ZHENGCE_OLD` and `ZHENGCE_NEW` to two run folders (made by
# `zhengce run`) or two document JSON files (`RUN/docs/<doc_id>.json`), or set
# `ZHENGCE_NOTICE` to another UTF-8 text notice to edit (then change the edits below to
# match its text). Work files go to `ZHENGCE_OUT` or a temporary folder.

# %%
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pandas as pd

from pipeline.diff import diff_paths, render
from pipeline.run import run

sys.dont_write_bytecode = True  # import the helpers without a __pycache__ in notebooks/
try:  # helpers shared by the notebooks, beside this file
    import _shared as nb
except ModuleNotFoundError:  # a kernel started outside notebooks/
    sys.path.insert(0, str(Path.cwd() / "notebooks"))
    import _shared as nb

WORK = nb.out_dir("02")
NOTICE = Path(os.environ.get("ZHENGCE_NOTICE")
              or nb.ROOT / "corpus" / "001_e0178c7f38f802c1.txt")
EDITS = [  # (old text, new text): each old text must occur exactly once in the notice
    ("分别给予5万、3万、1万元的经费资助", "分别给予8万、3万、1万元的经费资助"),
    ("对入选世界技能大赛国家集训队的，按入选人数给予选送单位10万元/人的经费资助。", ""),
]

# %% [markdown]
# ## Make the two versions and run them
#
# Both copies keep the file name, so both runs give the document the same id and
# `zhengce diff` pairs them (run folders are matched by doc id).

# %%
def edited(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        if text.count(old) != 1:
            raise ValueError(f"edit target must occur exactly once: {old!r}")
        text = text.replace(old, new)
    return text


if os.environ.get("ZHENGCE_OLD") and os.environ.get("ZHENGCE_NEW"):
    OLD, NEW = Path(os.environ["ZHENGCE_OLD"]), Path(os.environ["ZHENGCE_NEW"])
    print(f"comparing {nb.shown(OLD)} with {nb.shown(NEW)}")
else:
    text = NOTICE.read_bytes().decode("utf-8")  # bytes: line endings stay as they are
    for version, content in (("old", text), ("new", edited(text, EDITS))):
        folder = WORK / f"{version}_text"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / NOTICE.name).write_bytes(content.encode("utf-8"))
        result = run([str(folder)], WORK / f"{version}_run", progress=False)
        if result.errors:
            raise RuntimeError(f"{version}: {result.errors}")
    OLD, NEW = WORK / "old_run", WORK / "new_run"
    print(f"notice {nb.shown(NOTICE)}, edits:")
    for old, new in EDITS:
        print(f"  「{old}」 -> 「{new}」" if new else f"  「{old}」 deleted")
print(f"work folder {WORK}", file=sys.stderr)

# %% [markdown]
# ## Run `zhengce diff --json`
#
# Exit status 0 means no differences, 1 differences, 2 bad input. The JSON is a
# `RunDiff` (`pipeline/diff.py`): per document, `metadata` field changes and, per item
# list, `added` / `removed` (an `ItemRef` each: quote, clause_path, sentence, normalised
# `fields`) and `changed` (`old` and `new` ItemRefs, the field `changes`, and `match`:
# `key` same clause and quote, `quote` moved to another clause, `shape` same wording
# with an edited number).

# %%
proc = nb.zhengce("diff", OLD, NEW, "--json", ok=(0, 1))
diff = json.loads(proc.stdout)
print(f"exit status {proc.returncode}: "
      + ("differences found" if proc.returncode else "no differences"))
for warning in diff["warnings"]:
    print("warning:", warning)
for key in ("added_documents", "removed_documents", "unchanged_documents"):
    if diff[key]:
        print(f"{key.replace('_', ' ')}: {', '.join(diff[key])}")

# %% [markdown]
# ## Flatten it into one row per reported item

# %%
def show(value) -> str:
    return "" if value is None else value if isinstance(value, str) else json.dumps(
        value, ensure_ascii=False, separators=(",", ":"))


def excerpt(sentence: str | None, quote: str, chars: int = 10) -> str:
    """The part of the sentence around the quote, so the edit is in view."""
    if not sentence:
        return ""
    at = sentence.find(quote)
    if at < 0:
        return sentence
    lo, hi = max(0, at - chars), min(len(sentence), at + len(quote) + chars)
    return ("…" if lo else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else "")


rows, field_rows = [], []
for d in diff["documents"]:
    doc = nb.short(d["new_doc_id"]) if d["old_doc_id"] == d["new_doc_id"] else \
        f"{nb.short(d['old_doc_id'])} -> {nb.short(d['new_doc_id'])}"
    for f in d["metadata"]:
        rows.append({"doc": doc, "list": "metadata", "change": "changed", "clause": "",
                     "recipient": "", "old_quote": show(f["old"]), "new_quote": show(f["new"]),
                     "fields": f["field"], "old_sentence": "", "new_sentence": "",
                     "match": ""})
        field_rows.append({"doc": doc, "list": "metadata", "clause": "", "quote": "",
                           "field": f["field"], "old": show(f["old"]), "new": show(f["new"])})
    for name, lst in d["lists"].items():
        for c in lst["changed"]:
            rows.append({
                "doc": doc, "list": name, "change": "changed",
                "clause": nb.clause(c["new"]["clause_path"]),
                "recipient": c["new"]["fields"].get("beneficiary") or "",
                "old_quote": c["old"]["quote"], "new_quote": c["new"]["quote"],
                "fields": "; ".join(f"{f['field']}: {show(f['old'])} → {show(f['new'])}"
                                    for f in c["changes"]),
                "old_sentence": c["old"]["sentence"] or "",
                "new_sentence": c["new"]["sentence"] or "", "match": c["match"]})
            quote = (c["old"]["quote"] if c["old"]["quote"] == c["new"]["quote"]
                     else f"{c['old']['quote']} → {c['new']['quote']}")
            field_rows += [{"doc": doc, "list": name,
                            "clause": nb.clause(c["new"]["clause_path"]),
                            "quote": quote, "field": f["field"],
                            "old": show(f["old"]), "new": show(f["new"])}
                           for f in c["changes"]]
        for change, side in (("removed", "old"), ("added", "new")):
            for r in lst[change]:
                fields = {k: v for k, v in r["fields"].items()
                          if v not in (None, False, [], {})}
                rows.append({
                    "doc": doc, "list": name, "change": change,
                    "clause": nb.clause(r["clause_path"]),
                    "recipient": r["fields"].get("beneficiary") or "",
                    "old_quote": r["quote"] if side == "old" else "",
                    "new_quote": r["quote"] if side == "new" else "",
                    "fields": " ".join(f"{k}={show(v)}" for k, v in fields.items()),
                    "old_sentence": (r["sentence"] or "") if side == "old" else "",
                    "new_sentence": (r["sentence"] or "") if side == "new" else "",
                    "match": ""})

items = pd.DataFrame(rows, columns=["doc", "list", "change", "clause", "recipient", "old_quote",
                                    "new_quote", "fields", "old_sentence", "new_sentence",
                                    "match"])
fields = pd.DataFrame(field_rows, columns=["doc", "list", "clause", "quote", "field", "old",
                                          "new"])
# the doc column only when several documents changed (a diff of two runs)
DOC = ["doc"] if items.doc.nunique() > 1 else []

# %% [markdown]
# ## 1. Changes per list

# %%
nb.section("1. Changes per list")
if items.empty:
    print("no differences")
else:
    summary = pd.crosstab(items.list, items.change)
    summary = summary.reindex(columns=["added", "removed", "changed"], fill_value=0)
    summary.loc["total"] = summary.sum()
    nb.table(summary.reset_index())

# %% [markdown]
# ## 2. Changed items: field by field, old and new sentence side by side
#
# The sentences are cut around the quote (the review sheet below has them whole);
# `match` says how the two versions of the item were paired. A changed number shows up in both lists that hold it: the amount (`value`) and the
# benefit rule linked to it (`amount`, and `amount_ids`, compared through the quotes of
# the amounts they point to).

# %%
nb.section("2. Changed items")
changed = items[(items.change == "changed") & (items.list != "metadata")]
nb.table(fields[DOC + ["list", "clause", "quote", "field", "old", "new"]], max_colwidth=40)
print()
nb.table(pd.DataFrame({
    **({"doc": changed.doc} if DOC else {}), "list": changed.list, "clause": changed.clause,
    "match": changed.match, "recipient": changed.recipient,
    "old": [excerpt(s, q) for s, q in zip(changed.old_sentence, changed.old_quote)],
    "new": [excerpt(s, q) for s, q in zip(changed.new_sentence, changed.new_quote)],
}), max_colwidth=60)

# %% [markdown]
# ## 3. Removed and added items
#
# An item is removed (or added) when nothing in the other version has its quote, in
# its clause or elsewhere, nor the same wording with another number.

# %%
nb.section("3. Removed and added items")
gone_or_new = items[items.change != "changed"]
nb.table(pd.DataFrame({
    **({"doc": gone_or_new.doc} if DOC else {}),
    "change": gone_or_new.change, "list": gone_or_new.list, "clause": gone_or_new.clause,
    "quote": gone_or_new.old_quote + gone_or_new.new_quote, "fields": gone_or_new.fields,
    "sentence": gone_or_new.old_sentence + gone_or_new.new_sentence,
}), max_colwidth=48)

# %% [markdown]
# ## 4. Review sheet
#
# Each reported item once, in document order of its list, with the full sentences.

# %%
nb.section("4. Review sheet")
MARK = {"changed": "~", "removed": "-", "added": "+"}
for r in items.itertuples():
    quote = (f"「{r.old_quote}」→「{r.new_quote}」" if r.change == "changed"
             else f"「{r.old_quote or r.new_quote}」")
    where = f"{r.doc} " if DOC else ""
    print(f"{MARK[r.change]} {where}{r.list} §{r.clause or '-'} {quote}")
    print(f"    {r.fields}")
    if r.old_sentence and r.new_sentence and r.old_sentence != r.new_sentence:
        print(f"    old: {r.old_sentence}")
        print(f"    new: {r.new_sentence}")
    elif r.old_sentence or r.new_sentence:
        print(f"    sentence: {r.old_sentence or r.new_sentence}")

# %% [markdown]
# The same diff as `zhengce diff OLD NEW` prints it for a terminal (without `--json`),
# here through the library functions the command calls:

# %%
print()
print(render(diff_paths(OLD, NEW)))
