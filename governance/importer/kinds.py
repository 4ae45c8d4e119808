"""The one registry of document kinds: parser, record type, page model, writer and checks.

`pipeline` parses with `KindSpec.parse` into `KindSpec.record`, runs `KindSpec.validate`
(the same checks for `--dry-run` and for an import), and the writer stores the record
as `KindSpec.page_model` through `KindSpec.write`. Adding a kind is one entry here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from governance.models import (
    InterpellationPage,
    MinutesPage,
    MotionPage,
    NewsPage,
    PolicyDocumentPage,
    StatementPage,
)

from .interpellations import parse_interpellation
from .motions import parse_motion
from .news import parse_news
from .policies import parse_policy
from .protocol import parse_protocol
from .records import (
    DocumentRecord,
    InterpellationRecord,
    MinutesRecord,
    MotionRecord,
    NewsRecord,
    PolicyRecord,
    StatementRecord,
)
from .statements import parse_statement
from .writer import DocumentWriter


def _required(record: DocumentRecord, label: str) -> list[str]:
    errors = []
    if not record.municipality:
        errors.append("ingen kommun hittades i texten: ange --municipality.")
    if not record.title:
        errors.append("ingen titel hittades.")
    return errors


def _validate_minutes(record: MinutesRecord) -> list[str]:
    errors = _required(record, "protokoll")
    if not record.date:
        errors.append("inget sammanträdesdatum hittades i protokollets huvud.")
    if not record.organization:
        errors.append("inget organ hittades i protokollets huvud: ange --organization.")
    if not record.paragraphs:
        errors.append("inga paragrafer (§) hittades i protokollet.")
    return errors


def _validate_motion(record: MotionRecord) -> list[str]:
    return _required(record, "motion")


def _validate_interpellation(record: InterpellationRecord) -> list[str]:
    errors = _required(record, "interpellation")
    if not record.date:
        errors.append("inget datum hittades för interpellationen.")
    if not (record.asker or {}).get("name"):
        errors.append("ingen interpellant (undertecknare) hittades.")
    addressee = record.addressee or {}
    if not addressee.get("name") and not addressee.get("role"):
        errors.append("ingen mottagare hittades ('Interpellation till …' eller 'Ställd till').")
    return errors


def _validate_policy(record: PolicyRecord) -> list[str]:
    return _required(record, "styrdokument")


def _validate_news(record: NewsRecord) -> list[str]:
    errors = _required(record, "nyhet")
    if not record.date:
        errors.append("inget publiceringsdatum hittades.")
    return errors


def _validate_statement(record: StatementRecord) -> list[str]:
    return _required(record, "beslutsunderlag")


def _minutes(text, resolve_organ):
    return parse_protocol(text, resolve_organ)


def _plain(parse):
    def run(text, resolve_organ):
        return parse(text), [], []

    return run


def _interpellation(text, resolve_organ):
    fields = parse_interpellation(text, resolve_organ)
    addressee = fields.get("addressee") or {}
    warnings = []
    if addressee.get("role") and not addressee.get("name"):
        warnings.append(
            f"interpellationen är ställd till en post ({addressee['role']}), inte till en namngiven person; "
            "sidan visar posten och svaret registreras av fullmäktiges sekreterare."
        )
    answer = fields.get("answer") or {}
    if answer.get("date") and fields.get("date") and answer["date"] < fields["date"]:
        warnings.append(
            f"svarets datum ({answer['date']:%Y-%m-%d}) är före interpellationens ({fields['date']:%Y-%m-%d}) "
            "och användes inte; ange svarsdatum på sidan."
        )
        answer["date"] = None
    return fields, [], warnings


@dataclass(frozen=True)
class KindSpec:
    name: str
    parse: Callable  # (text, resolve_organ) -> (fields, errors, warnings)
    record: type
    page_model: type
    write: Callable  # DocumentWriter method: (writer, page, data) -> None
    validate: Callable  # record -> [error]
    #: DocumentWriter method (writer, page, data) -> None run on every import, the unchanged
    #: included: tells whoever follows the page what the document answers.
    announce: Callable | None = None

    @property
    def label(self) -> str:
        """The kind's Swedish name: the page model's own (`GovernanceDocumentPage.kind_label`,
        "protokoll", "styrdokument"), so the import screens name a kind as the site does."""
        return str(self.page_model._meta.verbose_name)


REGISTRY: dict[str, KindSpec] = {
    "minutes": KindSpec(
        "minutes",
        _minutes,
        MinutesRecord,
        MinutesPage,
        DocumentWriter.write_minutes,
        _validate_minutes,
    ),
    "motion": KindSpec(
        "motion",
        _plain(parse_motion),
        MotionRecord,
        MotionPage,
        DocumentWriter.write_motion,
        _validate_motion,
    ),
    "interpellation": KindSpec(
        "interpellation",
        _interpellation,
        InterpellationRecord,
        InterpellationPage,
        DocumentWriter.write_interpellation,
        _validate_interpellation,
        DocumentWriter.announce_own_answer,
    ),
    "policy": KindSpec(
        "policy",
        _plain(parse_policy),
        PolicyRecord,
        PolicyDocumentPage,
        DocumentWriter.write_policy,
        _validate_policy,
    ),
    "news": KindSpec("news", _plain(parse_news), NewsRecord, NewsPage, DocumentWriter.write_news, _validate_news),
    "statement": KindSpec(
        "statement",
        _plain(parse_statement),
        StatementRecord,
        StatementPage,
        DocumentWriter.write_statement,
        _validate_statement,
        DocumentWriter.announce_statement_link,
    ),
}

#: Kinds recognised so they can be refused with a reason that tells the secretary what to do.
REFUSED: dict[str, str] = {}
