"""From a file to the structured dict that `--dry-run --format json` prints and the writer stores."""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .assignments import find_in_paragraph
from .detect import KINDS, detect_kind
from .interpellations import parse_interpellation
from .minutes import looks_cut_off, parse_minutes
from .motions import parse_motion
from .news import parse_news
from .policies import parse_policy
from .reading import ImportProblem, read_text


@dataclass
class Overrides:
    kind: str | None = None
    municipality: str | None = None
    organization: str | None = None


@dataclass
class ParsedDocument:
    """One parsed file: `data` is JSON-ready, `errors` say why it cannot be imported."""

    file: str
    data: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    text: str = ""

    @property
    def ok(self):
        return not self.errors


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _item_index(items, text):
    """Which of the parser's decision items holds an assignment's decided point, if any."""
    probe = " ".join(text.split())[:60]
    for index, item in enumerate(items):
        if probe and probe in " ".join(item.split()):
            return index
    return None


def _minutes(text, resolve_organ):
    head, paragraphs = parse_minutes(text)
    rows = []
    for paragraph in paragraphs:
        if not paragraph["proposal"]:
            # Some protokoll put the proposal in the summary as "Förslag läggs om …".
            proposals = [p for p in paragraph["summary"].split("\n\n") if re.match(r"^Förslag (?:läggs|ges)\b", p)]
            if proposals:
                paragraph["proposal"] = "\n\n".join(proposals)
                paragraph["summary"] = "\n\n".join(p for p in paragraph["summary"].split("\n\n") if p not in proposals)
        assignments, events = find_in_paragraph(
            paragraph["_text"], paragraph["title"], head["date"], resolve_organ, paragraph["decisions"]
        )
        for found in assignments:
            found["decision"] = _item_index(paragraph["decisions"], found.pop("item_text"))
        fulfilments = [event.as_dict() for event in events]
        paragraph["assignments"] = assignments
        paragraph["fulfilments"] = fulfilments
        rows.append(paragraph)
    cut = looks_cut_off(paragraphs, head["body_tail"])
    data = {
        "title": f"{head['organization'] or 'Protokoll'} {head['date'].isoformat() if head['date'] else ''}".strip(),
        "municipality": head["municipality"],
        "organization": head["organization"],
        "organization_abbreviation": head["organization_abbreviation"],
        "date": head["date"],
        "is_extract": len(paragraphs) <= 3 and bool(re.search(r"\d+ ?\(\d+\)", text)),
        "case_number": None,
        "paragraphs": rows,
    }
    return data, ([cut] if cut else [])


def parse_text(text, file_name="", overrides=None, resolve_organ=None):
    """Parse one document's text; never raises for bad content, reports it in `errors`."""
    overrides = overrides or Overrides()
    parsed = ParsedDocument(file=file_name, text=text)
    kind = overrides.kind or detect_kind(text)
    if kind not in KINDS:
        parsed.errors.append("okänd dokumenttyp: ange --kind (minutes, motion, interpellation, policy, news).")
        parsed.data = {"file": file_name, "kind": None}
        return parsed
    try:
        if kind == "minutes":
            data, errors = _minutes(text, resolve_organ)
            parsed.errors.extend(errors)
        elif kind == "motion":
            data = parse_motion(text)
        elif kind == "interpellation":
            data = parse_interpellation(text, resolve_organ)
        elif kind == "policy":
            data = parse_policy(text)
        else:
            data = parse_news(text)
    except ImportProblem as problem:
        parsed.errors.append(str(problem))
        parsed.data = {"file": file_name, "kind": kind}
        return parsed
    data["kind"] = kind
    data["file"] = file_name
    if overrides.municipality:
        data["municipality"] = overrides.municipality
    if overrides.organization:
        data["organization"] = overrides.organization
    if not data.get("municipality"):
        parsed.errors.append("ingen kommun hittades i texten: ange --municipality.")
    if not data.get("title"):
        parsed.errors.append("ingen titel hittades.")
    if kind in ("minutes", "motion", "interpellation", "news") and not data.get("date"):
        parsed.errors.append("inget datum hittades.")
    if kind == "minutes" and not data.get("organization"):
        parsed.errors.append("inget organ hittades i protokollets huvud: ange --organization.")
    data.setdefault("case_number", None)
    data["errors"] = parsed.errors
    parsed.data = data
    return parsed


def parse_file(path, overrides=None, resolve_organ=None):
    path = Path(path)
    try:
        text = read_text(path)
    except ImportProblem as problem:
        return ParsedDocument(
            file=str(path),
            data={"file": str(path), "kind": None, "errors": [str(problem)]},
            errors=[str(problem)],
        )
    except OSError as error:
        message = f"{path.name}: filen kunde inte läsas ({error.strerror})."
        return ParsedDocument(
            file=str(path),
            data={"file": str(path), "kind": None, "errors": [message]},
            errors=[message],
        )
    return parse_text(text, str(path), overrides, resolve_organ)


def to_json(parsed):
    """The review format: dates as ISO strings, internal fields left out."""

    def convert(value):
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items() if not key.startswith("_")}
        if isinstance(value, list):
            return [convert(item) for item in value]
        return _iso(value)

    data = convert(parsed.data)
    data["errors"] = list(parsed.errors)
    return data


def collect_files(paths):
    """Every .txt and .pdf file under the given files and folders, in a stable order."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".pdf")))
        else:
            files.append(path)
    return files
