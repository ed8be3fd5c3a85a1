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
# # 03 · What does a notice grant to a profile?
#
# For analysts and product people trying the reference calculator. The notebook
#
# 1. runs the pipeline on a notice and exports its benefit rules with
#    `zhengce rules RUN -o rules.json` (format: `docs/rules.md`);
# 2. lists the rules: recipient kinds, amount expression, conditions as formal tests;
# 3. evaluates profiles with `zhengce calc --rules rules.json --profile p.json --json`
#    and shows what applies and how much, what does not and why, and which facts
#    are missing to decide the rest (ranked: the facts worth asking for first).
#
# **Inputs.** The 金华 seed notice (001) by default; command-line arguments or
# `ZHENGCE_INPUT` (`os.pathsep`-separated) for others. Profiles: the two below, or
# `ZHENGCE_PROFILE` naming a JSON file with one profile (an object of the vocabulary
# fields in `gazetteers/profile_vocabulary.yaml`; see `tests/cases/profiles.yaml` for
# many worked examples). Work files go to `ZHENGCE_OUT` or a temporary folder.

# %%
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from pipeline.run import run

sys.dont_write_bytecode = True  # import the helpers without a __pycache__ in notebooks/
try:  # helpers shared by the notebooks, beside this file
    import _shared as nb
except ModuleNotFoundError:  # a kernel started outside notebooks/
    sys.path.insert(0, str(Path.cwd() / "notebooks"))
    import _shared as nb

INPUTS = nb.inputs([str(nb.ROOT / "corpus" / "001_e0178c7f38f802c1.txt")])
WORK = nb.out_dir("03")
PROFILES = {
    "金华大工匠 (a person)": {"recipient": "person", "region": "金华市",
                              "honors": ["金华大工匠"]},
    "manufacturer recruiting a leading talent": {
        "recipient": "enterprise", "region": "金华市婺城区", "industry": ["制造业"],
        "origin": "outside_province", "honor_level": "city", "years_since_event": 1,
        "base": {"salary": 400000}, "years": 3},
}
if os.environ.get("ZHENGCE_PROFILE"):
    path = Path(os.environ["ZHENGCE_PROFILE"])
    PROFILES = {path.name: json.loads(path.read_text(encoding="utf-8"))}

# %% [markdown]
# ## Run the pipeline and export the rules

# %%
result = run(INPUTS, WORK / "run", progress=False)
if result.errors:
    raise RuntimeError(result.errors)
RULES = WORK / "rules.json"
nb.zhengce("rules", WORK / "run", "-o", RULES)
rules_file = json.loads(RULES.read_text(encoding="utf-8"))
print("inputs:", ", ".join(nb.shown(p) for p in INPUTS))
print(f"{len(rules_file['rules'])} rules and {len(rules_file['stacking'])} stacking rules "
      f"from {len(rules_file['documents'])} documents")
print(f"work folder {WORK}", file=sys.stderr)

# %% [markdown]
# ## The rules
#
# `amount` is an expression: `fixed` value, `cap` up to max, `floor`, `range`, `formula`
# (rate × a profile base such as `base.salary`, then caps) or `unquantified` (no figure,
# always needs review). `conditions` is a tree of tests on profile fields; `manual` tests
# are text only a person can judge. Stacking rules (不重复享受 / 从高从优) decide which of
# several applying rules are paid.

# %%
def condition_text(node) -> str:
    if not node:
        return ""
    if "all" in node:
        return " and ".join(f"({condition_text(n)})" if "any" in n else condition_text(n)
                            for n in node["all"])
    if "any" in node:
        return " or ".join(condition_text(n) for n in node["any"])
    value = node.get("value")
    value = "、".join(value) if isinstance(value, list) else value
    unit = f" {node['unit']}" if node.get("unit") else ""
    return f"{node['field']} {node['op']} {value}{unit}".rstrip()


def amount_text(a: dict) -> str:
    if a["kind"] == "formula":
        text = f"{a['rate']} × {a['base_field'] or a['base_as_written']}"
    elif a["kind"] == "fixed":
        text = f"{a['value']}"
    elif a["kind"] == "cap":
        text = f"≤ {a['max']}"
    elif a["kind"] == "floor":
        text = f"≥ {a['min']}"
    elif a["kind"] == "range":
        text = f"{a['min']}–{a['max']}"
    else:
        text = "(no figure)" if a.get("rate") is None else f"{a['rate']} × ?"
    extras = [f"per {a['per']}" if a.get("per") else "",
              f"{a['frequency']}" if a.get("frequency") else "",
              f"{a['duration_years']} years" if a.get("duration_years") else "",
              f"total ≤ {a['total_cap']}" if a.get("total_cap") else ""]
    return " ".join([text, *filter(None, extras)])


def rule_no(rule_id: str) -> str:
    return rule_id.rsplit(":", 1)[-1]


rules = pd.DataFrame([{
    "rule": rule_no(r["id"]), "clause": nb.clause(r["clause_path"]),
    "beneficiary": r["beneficiary"], "for": ",".join(r["recipient_kinds"]) or "any",
    "instrument": r["instrument"], "amount": amount_text(r["amount"]),
    "conditions": condition_text(r["conditions"]), "review": r["needs_review"],
} for r in rules_file["rules"]])
nb.section("Rules")
nb.table(rules, max_colwidth=44)
print()
for s in rules_file["stacking"]:
    print(f"stacking {rule_no(s['id'])}: {s['kind']} over {s['scope']} ({s['among']}): "
          f"「{s['citation']['quote']}」")

# %% [markdown]
# ## Evaluate the profiles
#
# For each profile: the rules that apply with their amount (`up to` for caps), the ones
# that do not with the reason, and the undecidable ones with the facts the profile lacks.

# %%
def evaluate(label: str, profile: dict, n: int) -> dict:
    path = WORK / f"profile_{n}.json"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    out = json.loads(nb.zhengce("calc", "--rules", RULES, "--profile", path, "--json").stdout)
    nb.section(f"Profile: {label}")
    print(json.dumps(profile, ensure_ascii=False))
    up_to = "up to " if out["total_is_upper_bound"] else ""
    print(f"applies {len(out['applies'])}, does not apply {len(out['not_applies'])}, "
          f"cannot decide {len(out['undecidable'])}; total {up_to}{out['total']} yuan")
    print("\napplies:")
    nb.table(pd.DataFrame([{
        "rule": rule_no(r["rule_id"]), "beneficiary": r["beneficiary"],
        "instrument": r["instrument"],
        "amount": r["amount"], "up_to": r["upper_bound"], "how": "; ".join(r["notes"]),
        "quote": r["citation"]["quote"]} for r in out["applies"]]), max_colwidth=72)
    print("\ndoes not apply:")
    nb.table(pd.DataFrame([{
        "rule": rule_no(r["rule_id"]), "beneficiary": r["beneficiary"],
        "why not": "; ".join(r["reasons"]), "quote": r["citation"]["quote"]}
        for r in out["not_applies"]]), max_colwidth=52)
    print("\ncannot decide, facts missing:")
    missing = Counter(f for r in out["undecidable"] for f in r["missing"])
    nb.table(pd.DataFrame(sorted(missing.items(), key=lambda kv: (-kv[1], kv[0])),
                          columns=["missing fact", "rules"]), max_colwidth=60)
    for warning in out["warnings"]:
        print("warning:", warning)
    return out


results = {label: evaluate(label, profile, n)
           for n, (label, profile) in enumerate(PROFILES.items())}

# %% [markdown]
# ## Totals side by side

# %%
nb.section("Totals")
nb.table(pd.DataFrame([{
    "profile": label, "applies": len(out["applies"]), "not": len(out["not_applies"]),
    "undecided": len(out["undecidable"]),
    "total": ("up to " if out["total_is_upper_bound"] else "") + str(out["total"]),
} for label, out in results.items()]))
