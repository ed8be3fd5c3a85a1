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
# # 01 · Explore a run
#
# For analysts who want to see what `zhengce run` extracted from a folder of notices.
# The notebook runs the pipeline (the same as `zhengce run INPUT -o OUT`), loads the
# flat tables (`OUT/tables/*.parquet`, or the `*.jsonl` beside them) into pandas and shows
#
# 1. what was read: one row per document with its metadata and item counts per list;
# 2. the benefit rules: recipient, instrument, amount, per, frequency, needs_review and
#    the sentence each rule was found in;
# 3. the rules flagged `needs_review`, grouped by `review_reason`;
# 4. the money amounts by kind (fixed / cap / floor / range / approx);
# 5. the agencies by role;
# 6. one rule followed back to its clause in `OUT/docs/<doc_id>.json`.
#
# **Inputs.** `corpus/` by default. Override with command-line arguments
# (`python notebooks/01_explore_a_run.py corpus/001_e0178c7f38f802c1.txt`) or with
# `ZHENGCE_INPUT` (files, folders or globs separated by `os.pathsep`, `:` on Linux).
# **Outputs** go to `ZHENGCE_OUT` when set, else to a fresh temporary folder; nothing is
# written inside the repository.

# %%
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from pipeline.run import run

sys.dont_write_bytecode = True  # import the helpers without a __pycache__ in notebooks/
try:  # helpers shared by the notebooks, beside this file
    import _shared as nb
except ModuleNotFoundError:  # a kernel started outside notebooks/
    sys.path.insert(0, str(Path.cwd() / "notebooks"))
    import _shared as nb

INPUTS = nb.inputs([str(nb.ROOT / "corpus")])
OUT = nb.out_dir("01")


# %% [markdown]
# ## Run the pipeline
#
# `pipeline.run.run` is what `zhengce run` calls. A bad input never stops the batch: it
# becomes a line of `errors.jsonl` (and of `result.errors`).

# %%
result = run(INPUTS, OUT, progress=False)
print("inputs:", ", ".join(nb.shown(p) for p in INPUTS))
print(f"{result.documents} documents, {len(result.errors)} errors, "
      f"{len(result.skipped)} unsupported files skipped")
for err in result.errors:
    print(f"  error: {nb.shown(err['path'])}: {err['reason']}")
for warning in result.warnings:
    print(f"  warning: {warning}")
print(f"outputs in {OUT}", file=sys.stderr)  # stderr: stdout stays the same from run to run

# %% [markdown]
# ## Load the tables
#
# Every item row carries its document, clause and the sentence it came from. Nested
# values (clause paths, condition trees, agency references) are JSON strings in the flat
# tables; `nb.clause` decodes a path. Money is exact in the JSON; the Parquet
# columns are floats (because of nulls), so `nb.money` turns integral columns back into
# integers for display. The helpers live in `notebooks/_shared.py`.

# %%
T = {name: nb.load_table(OUT, name) for name in ("documents", "amounts", "agencies", "benefits")}
LISTS = ["clauses", "amounts", "rates", "quotas", "conditions", "agencies", "benefits"]

# %% [markdown]
# ## 1. Documents and counts per list

# %%
nb.section("1. Documents and counts per list")
docs = T["documents"].reindex(columns=["doc_id", "title", "doc_numbers", "region",
                                        "issue_date", "draft", *[f"n_{n}" for n in LISTS]])
docs = docs.sort_values("doc_id").assign(doc=lambda d: d.doc_id.map(nb.short))
docs["doc_numbers"] = docs.doc_numbers.map(
    lambda v: "、".join(json.loads(v)) if isinstance(v, str) else "")
nb.table(docs[["doc", "doc_id", "region", "issue_date", "draft", "doc_numbers"]])
print()
nb.table(docs[["doc", "title"]], max_colwidth=60)
print()
counts = docs.set_index("doc")[[f"n_{n}" for n in LISTS]].rename(columns=lambda c: c[2:])
counts.loc["total"] = counts.sum()
nb.table(counts.reset_index())

# %% [markdown]
# ## 2. Benefit rules
#
# One row per linked rule: who receives it (`beneficiary` as written and its category),
# the instrument, the figure (`amount`, or `min`/`max` for ranges and caps, or a `rate`),
# per what and how often, and whether a person must check it. The sentence is cut to
# fit; `benefits.sentence` holds it whole.

# %%
nb.section("2. Benefit rules")
b = T["benefits"].reindex(columns=[
    "doc_id", "id", "clause_id", "clause_path", "beneficiary", "beneficiary_category", "instrument",
    "amount", "min", "max", "rate", "per", "frequency", "needs_review", "review_reason",
    "quote", "sentence", "start", "end"]).sort_values(["doc_id", "start"], kind="stable")
benefits = pd.DataFrame({
    "doc": b.doc_id.map(nb.short), "clause": b.clause_path.map(nb.clause),
    "recipient": b.beneficiary, "category": b.beneficiary_category,
    "instrument": b.instrument, "amount": nb.money(b.amount), "min": nb.money(b["min"]),
    "max": nb.money(b["max"]), "rate": b.rate, "per": b.per, "frequency": b.frequency,
    "review": b.needs_review.astype("boolean"), "sentence": b.sentence,
})
print(f"{len(benefits)} benefit rules, {int(benefits.review.fillna(False).sum())} need review")
nb.table(benefits, max_colwidth=36)

# %% [markdown]
# Rules by instrument and whether they carry a figure:

# %%
print()
with_figure = benefits[["amount", "min", "max", "rate"]].notna().any(axis=1)
by_instrument = (benefits.assign(with_figure=with_figure)
                 .groupby("instrument", dropna=False)
                 .agg(rules=("recipient", "size"), with_figure=("with_figure", "sum"),
                      largest_amount=("amount", "max"))
                 .sort_values(["rules", "instrument"], ascending=[False, True]).reset_index())
nb.table(by_instrument)

# %% [markdown]
# ## 3. Rules that need review, by reason
#
# `needs_review` marks rules the linker was unsure about; `review_reason` says why.

# %%
nb.section("3. Rules that need review, by reason")
review = b[b.needs_review.fillna(False).astype(bool)]
if review.empty:
    print("no rule needs review")
else:
    reasons = (review.groupby("review_reason", dropna=False)
               .agg(rules=("id", "size"), documents=("doc_id", lambda s: ", ".join(
                   sorted(set(s.map(nb.short))))))
               .sort_values(["rules", "review_reason"], ascending=[False, True]).reset_index())
    nb.table(reasons, max_colwidth=70)
    for reason, rows in review.groupby("review_reason", dropna=False, sort=True):
        print(f"\n-- {reason}")
        nb.table(pd.DataFrame({"rule": rows.id, "clause": rows.clause_path.map(nb.clause),
                            "recipient": rows.beneficiary, "amount": nb.money(rows.amount),
                            "quote": rows.quote, "sentence": rows.sentence}), max_colwidth=50)

# %% [markdown]
# ## 4. Amounts by kind
#
# `fixed` amounts have a `value`; `cap` (最高 / 不超过) a `max`; `floor` a `min`; `range`
# both. `figure` below is whichever the kind uses.

# %%
nb.section("4. Amounts by kind")
a = T["amounts"].reindex(columns=["doc_id", "clause_id", "quote", "value", "min", "max",
                                   "kind", "per", "frequency", "sentence", "start"])
a = a.assign(figure=nb.money(a.value.fillna(a["max"]).fillna(a["min"])))
by_kind = (a.groupby("kind", dropna=False)
           .agg(amounts=("quote", "size"), documents=("doc_id", "nunique"),
                smallest=("figure", "min"), largest=("figure", "max"),
                examples=("quote", lambda s: "、".join(s.head(4))))
           .sort_values(["amounts", "kind"], ascending=[False, True]).reset_index())
nb.table(by_kind, max_colwidth=50)
print()
nb.table(pd.crosstab(a.kind, a.per.fillna("-"), margins=True, margins_name="total").reset_index())

# %% [markdown]
# ## 5. Agencies by role
#
# Each mention of a body with its role: `lead` / `support` / `responsible` from 牵头 /
# 配合 / 责任单位, `issuer`, `interpret` (负责解释), `funding`, `mention` ...

# %%
nb.section("5. Agencies by role")
g = T["agencies"].reindex(columns=["doc_id", "canonical", "role", "level", "generic"])
named = g[~g.generic.fillna(False).astype(bool)]
if g.empty:
    print("(no agencies)")
else:
    roles = (g.groupby("role", dropna=False)
             .agg(mentions=("canonical", "size"), agencies=("canonical", "nunique"),
                  generic=("generic", lambda s: int(s.fillna(False).astype(bool).sum())))
             .sort_values(["mentions", "role"], ascending=[False, True]).reset_index())
    per_body = (named.groupby(["role", "canonical"]).size().rename("n").reset_index()
                .sort_values(["role", "n", "canonical"], ascending=[True, False, True]))
    per_body["label"] = per_body.canonical.astype(str) + "×" + per_body.n.astype(str)
    top = per_body.groupby("role").head(3).groupby("role").label.agg("、".join).rename(
        "most mentioned")
    nb.table(roles.merge(top, on="role", how="left").fillna({"most mentioned": ""}),
             max_colwidth=90)
    print()
    nb.table(pd.crosstab(named.canonical, named.role).assign(
        total=lambda d: d.sum(axis=1)).sort_values(["total"], ascending=False, kind="stable")
        .head(15).reset_index())

# %% [markdown]
# ## 6. Provenance: one rule back to its clause
#
# Every item's `[start, end)` offsets point into `Document.text` of `OUT/docs/<doc_id>.json`,
# so the quote can always be checked against the text it came from. The rule picked is
# the one for 金华大工匠 when the run has it, else the first rule with an amount.

# %%
nb.section("6. Provenance: one rule back to its clause")
pick = b[b.beneficiary == "金华大工匠"]
pick = pick if len(pick) else b[b.amount.notna()]
if pick.empty:
    print("no benefit rule with an amount in this run")
else:
    rule = pick.iloc[0]
    doc = json.loads((OUT / "docs" / f"{rule.doc_id}.json").read_text(encoding="utf-8"))
    clause_of = next(c for c in doc["clauses"] if c["id"] == rule.clause_id)
    print(f"rule       {rule.id}")
    print(f"recipient  {rule.beneficiary}   amount {nb.money(b.amount)[rule.name]} yuan")
    print(f"clause     {'/'.join(clause_of['path'])}  {clause_of['heading'] or ''}".rstrip())
    print(f"quote      「{rule.quote}」 at [{rule.start}, {rule.end})")
    print(f"text there 「{doc['text'][rule.start:rule.end]}」")
    print(f"sentence   {rule.sentence}")
