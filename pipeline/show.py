"""A plain-text rendering of one document for a person to read."""

from __future__ import annotations

from .models import Document


def render(doc: Document) -> str:
    m = doc.metadata
    lines = [f"{doc.doc_id}  ({doc.format}{', ' + doc.encoding if doc.encoding else ''}, "
             f"{len(doc.text)} chars)"]
    fields = [("title", m.title), ("文号", "、".join(m.doc_numbers) or None),
              ("issuers", "、".join(m.issuers) or None), ("recipients", "、".join(m.recipients) or None),
              ("issue date", m.issue_date), ("draft", m.draft), ("effective", _period(m)),
              ("interpreted by", m.interpreting_agency), ("region", m.region),
              ("cites", len(m.cited_documents) or None)]
    lines += [f"  {k:<15}{v}" for k, v in fields if v is not None]
    lines.append("")
    for c in doc.clauses:
        label = "/".join(c.path)
        head = c.heading or _snippet(c.body)
        lines.append(f"{'  ' * c.level}{label:<14} {head}  [{c.start},{c.end})")
    counts = ", ".join(f"{len(getattr(doc, n))} {n}" for n in
                       ("amounts", "rates", "quotas", "conditions", "agencies", "benefits"))
    lines += ["", counts]
    return "\n".join(lines)


def _period(m) -> str | None:
    if not (m.effective_from or m.effective_until or m.validity_years):
        return None
    years = f" ({m.validity_years} years)" if m.validity_years else ""
    return f"{m.effective_from or '?'} .. {m.effective_until or '?'}{years}"


def _snippet(text: str, n: int = 30) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[:n] + "…"
