"""From a file to a typed record, checked exactly as the import checks it.

`parse_file` reads a file once (`parse_upload` the bytes of a file uploaded in the admin),
`classify` decides its kind from head and structure,
the kind's parser (see `kinds.REGISTRY`) builds its record, and the kind's checks run.
`--dry-run` and the import share this function, so a dry run without errors means the
import will store the document. `data` is the record in the JSON shape that
`import_documents --dry-run --format json` prints and the writer stores.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import municipalities
from .assignments import redate
from .detect import KINDS, Classification, classify
from .kind_reasons import explain, kind_name, listed, unclear_reading
from .kinds import REFUSED, REGISTRY, KindSpec
from .organs import expand_abbreviation
from .reading import ImportProblem, normalise_text, read_bytes, read_text
from .records import DocumentRecord


@dataclass
class Overrides:
    """What the person importing knows better than the text: the CLI's --kind, --municipality
    and --organization, and the admin review screen's corrections (also title and date)."""

    kind: str | None = None
    municipality: str | None = None
    organization: str | None = None
    title: str | None = None
    date: datetime.date | None = None


@dataclass
class ParsedDocument:
    """One parsed file: `record` and its JSON-ready `data`, `errors` say why it cannot be imported."""

    file: str
    data: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    text: str = ""
    warnings: list = field(default_factory=list)
    record: DocumentRecord | None = None
    classification: Classification | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def kind(self) -> str | None:
        return self.data.get("kind")

    @property
    def spec(self) -> KindSpec:
        return REGISTRY[self.data["kind"]]


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _refuse(parsed, kind, message):
    parsed.errors.append(message)
    parsed.data = {"file": parsed.file, "kind": kind, "errors": parsed.errors, "warnings": parsed.warnings}
    if parsed.classification:
        parsed.data["kind_reasons"] = explain(parsed.classification)
    return parsed


def _kind(parsed, text, overrides):
    """The kind to parse as, or None after recording why there is none."""
    classification = parsed.classification = classify(text)
    detected = classification.kind
    if overrides.kind:
        if detected and detected != overrides.kind and classification.strongly(detected):
            _refuse(
                parsed,
                detected,
                f"--kind {overrides.kind} stämmer inte med texten, som tydligt är {kind_name(detected)} "
                f"({listed(classification.reasons[detected])}); ta bort --kind eller kontrollera filen.",
            )
            return None
        return overrides.kind
    if detected is None:
        _refuse(
            parsed,
            None,
            f"okänd dokumenttyp: {unclear_reading(classification)}; ange --kind ({', '.join(KINDS)}).",
        )
        return None
    if detected in REFUSED:
        _refuse(parsed, detected, REFUSED[detected])
        return None
    return detected


def _apply_overrides(record, overrides, warnings):
    if overrides.municipality:
        known = municipalities.lookup(overrides.municipality)
        record.municipality = known.name if known else overrides.municipality.strip()
    elif record.municipality and not municipalities.lookup(record.municipality):
        warnings.append(f"kommunen {record.municipality!r} finns inte i SCB:s kommunregister; kontrollera namnet.")
    if overrides.organization:
        record.organization = expand_abbreviation(overrides.organization.strip())
    if overrides.title and overrides.title.strip():
        record.title = " ".join(overrides.title.split())
    if overrides.date and overrides.date != record.date:
        record.date = overrides.date
        _redate_assignments(record)


def _redate_assignments(record):
    """Due dates count from the decision date, so a corrected date moves them too."""
    for paragraph in getattr(record, "paragraphs", []):
        for assignment in paragraph.get("assignments", []):
            redate(assignment, record.date)
    for assignment in getattr(record, "promises", []):
        redate(assignment, record.date)


def parse_text(text, file_name="", overrides=None, resolve_organ=None) -> ParsedDocument:
    """Parse one document's text; never raises for bad content, reports it in `errors`."""
    overrides = overrides or Overrides()
    parsed = ParsedDocument(file=file_name, text=text)
    try:
        text = normalise_text(text, Path(file_name).name)
    except ImportProblem as problem:
        return _refuse(parsed, None, str(problem))
    kind = _kind(parsed, text, overrides)
    if kind is None:
        return parsed
    spec = REGISTRY[kind]
    try:
        fields, errors, warnings = spec.parse(text, resolve_organ)
    except ImportProblem as problem:
        return _refuse(parsed, kind, str(problem))
    fields["kind"] = kind
    record = spec.record(**fields)
    parsed.warnings.extend(warnings)
    _apply_overrides(record, overrides, parsed.warnings)
    parsed.errors.extend(errors)
    parsed.errors.extend(error for error in spec.validate(record) if error not in parsed.errors)
    parsed.record = record
    parsed.data = {name.name: getattr(record, name.name) for name in dataclasses.fields(record)}
    parsed.data.update(
        file=file_name,
        errors=parsed.errors,
        warnings=parsed.warnings,
        kind_reasons=explain(parsed.classification, overrides.kind),
    )
    return parsed


def parse_file(path, overrides=None, resolve_organ=None) -> ParsedDocument:
    path = Path(path)
    try:
        text = read_text(path)
    except ImportProblem as problem:
        return _refuse(ParsedDocument(file=str(path)), None, str(problem))
    except OSError as error:
        return _refuse(ParsedDocument(file=str(path)), None, f"{path.name}: filen kunde inte läsas ({error.strerror}).")
    return parse_text(text, str(path), overrides, resolve_organ)


def parse_upload(name, raw, overrides=None, resolve_organ=None) -> ParsedDocument:
    """`parse_file` for a file's content (an upload in the admin), with the same checks."""
    try:
        text = read_bytes(name, raw)
    except ImportProblem as problem:
        return _refuse(ParsedDocument(file=name), None, str(problem))
    return parse_text(text, name, overrides, resolve_organ)


def to_json(parsed: ParsedDocument) -> dict:
    """The review format: dates as ISO strings, internal fields left out."""

    def convert(value):
        if isinstance(value, dict):
            return {key: convert(item) for key, item in value.items() if not key.startswith("_")}
        if isinstance(value, list):
            return [convert(item) for item in value]
        return _iso(value)

    data = convert(parsed.data)
    data["errors"] = list(parsed.errors)
    data["warnings"] = list(parsed.warnings)
    return data


def collect_files(paths) -> list[Path]:
    """Every .txt and .pdf file under the given files and folders, in a stable order."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".pdf")))
        else:
            files.append(path)
    return files
