"""`manage.py import_documents` writes documents once, updates them with history, and
refuses bad files one by one with a clear reason while importing the rest."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from governance.models import Assignment, InterpellationPage, MinutesPage, MinutesParagraphPage
from tests.importer.pdf_files import pdf_with_text, pdf_without_text

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"
MINUTES = """Testkommun kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2024-03-06

§ 12 Dnr KS 2024/17

Handlingsplan för feriearbete
Beslut

1. Kommundirektören får i uppdrag att ta fram en handlingsplan för feriearbete. Uppdraget ska redovisas till kommunstyrelsen senast 2024-06-30.
2. Informationen antecknas.

§ 13 Dnr KS 2024/18

Val av ombud
Beslut

Anna Berg (S) väljs till ombud.
"""


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_documents", *map(str, args), "--no-progress", stdout=out, stderr=err)
        failed = None
    except CommandError as error:
        failed = str(error)
    return out.getvalue(), err.getvalue(), failed


@pytest.fixture
def minutes_file(tmp_path):
    path = tmp_path / "ks-2024-03-06.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_importing_minutes_creates_paragraphs_decisions_and_assignments(home_page, minutes_file):
    out, _err, failed = run(minutes_file)
    assert failed is None
    assert "Dokument: 1 skapade" in out
    minutes = MinutesPage.objects.get()
    assert minutes.organization.name == "Kommunstyrelsen" and minutes.municipality.name == "Testkommun"
    paragraph = MinutesParagraphPage.objects.get(number=12)
    assert paragraph.case.case_number == "KS 2024/17"
    assert paragraph.decisions.count() == 2
    assignment = Assignment.objects.get()
    assert assignment.decision.paragraph.pk == paragraph.pk
    assert [post.label for post in assignment.assignee_posts.all()] == ["Kommundirektör"]
    assert assignment.report_to.name == "Kommunstyrelsen"
    assert assignment.due_date.isoformat() == "2024-06-30"


def test_importing_the_same_file_twice_creates_nothing_new(home_page, minutes_file):
    run(minutes_file)
    counts = (MinutesParagraphPage.objects.count(), Assignment.objects.count())
    out, _err, failed = run(minutes_file)
    assert failed is None
    assert "1 oförändrade" in out
    assert (MinutesParagraphPage.objects.count(), Assignment.objects.count()) == counts


def test_a_changed_document_updates_its_pages_and_keeps_their_history(home_page, minutes_file):
    run(minutes_file)
    paragraph = MinutesParagraphPage.objects.get(number=13)
    revisions_before = paragraph.revisions.count()
    minutes_file.write_text(
        MINUTES.replace("Anna Berg (S) väljs till ombud.", "Bo Ek (M) väljs till ombud."),
        encoding="utf-8",
    )
    out, _err, failed = run(minutes_file)
    assert failed is None and "1 uppdaterade" in out
    paragraph.refresh_from_db()
    assert [d.text for d in paragraph.decisions.all()] == ["Bo Ek (M) väljs till ombud."]
    assert paragraph.revisions.count() == revisions_before + 1
    assert MinutesParagraphPage.objects.filter(number=13).count() == 1


def test_dry_run_prints_the_review_json_and_writes_nothing(home_page, minutes_file):
    out, _err, failed = run(minutes_file, "--dry-run", "--format", "json")
    assert failed is None
    [document] = json.loads(out)["documents"]
    assert document["kind"] == "minutes" and document["date"] == "2024-03-06"
    assert [p["number"] for p in document["paragraphs"]] == [12, 13]
    [assignment] = document["paragraphs"][0]["assignments"]
    assert assignment["assignees"] == ["Kommundirektören"]
    assert assignment["due_date"] == "2024-06-30"
    assert not MinutesPage.objects.exists()


def test_bad_files_are_reported_one_by_one_and_the_good_ones_imported(home_page, tmp_path, minutes_file):
    (tmp_path / "tom.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binar.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)))
    (tmp_path / "skannad.pdf").write_bytes(pdf_without_text())
    (tmp_path / "okand.txt").write_text("Inköpslista\n\nMjölk, bröd och smör.\n", encoding="utf-8")
    cut = MINUTES[: MINUTES.index("§ 13")] + "§ 13 Dnr KS 2024/18\n\nVal av ombud\nBeslut\n"
    (tmp_path / "avbruten.txt").write_text(cut.replace("2024-03-06", "2024-03-20"), encoding="utf-8")
    out, err, failed = run(tmp_path)
    assert failed == "5 av 6 filer kunde inte importeras."
    assert "tom.txt: filen är tom." in err
    assert "binar.txt: filen är inte text" in err
    assert "skannad.pdf: PDF-filen saknar textlager" in err
    assert "okand.txt: okänd dokumenttyp" in err
    assert "avbruten.txt: filen verkar avbruten" in err
    assert "Dokument: 1 skapade" in out
    assert MinutesPage.objects.count() == 1, "only the good file was written; the cut one left nothing"


def test_a_pdf_with_a_text_layer_is_imported(home_page, tmp_path):
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(pdf_with_text(MINUTES.split("\n")))
    _out, _err, failed = run(path)
    assert failed is None
    assert MinutesParagraphPage.objects.filter(number__in=[12, 13]).count() == 2


def test_overrides_set_kind_municipality_and_organization(home_page, tmp_path):
    path = tmp_path / "ksau.txt"
    shutil.copy(SEEDS / "ksau-2020-04-15-p80-protokoll.txt", path)
    _out, _err, failed = run(
        path, "--municipality", "Exempelkommun", "--organization", "Kommunstyrelsens arbetsutskott"
    )
    assert failed is None
    assert MinutesPage.objects.get().municipality.name == "Exempelkommun"


def test_no_files_is_a_clear_error(home_page, tmp_path):
    _out, _err, failed = run(tmp_path)
    assert failed == "Inga .txt- eller .pdf-filer hittades."


def test_a_dry_run_fails_on_what_the_import_would_fail_on(home_page, tmp_path):
    path = tmp_path / "interpellation.txt"
    path.write_text(
        "Interpellation till kommunstyrelsens ordförande\n\nHur många förskoleplatser saknas?\n", encoding="utf-8"
    )
    _out, dry_err, dry_failed = run(path, "--dry-run", "--municipality", "Lerum")
    _out, err, failed = run(path, "--municipality", "Lerum")
    assert dry_failed == failed == "1 av 1 filer kunde inte importeras."
    assert "ingen interpellant" in dry_err and "ingen interpellant" in err
    assert not InterpellationPage.objects.exists()


def test_a_municipality_given_for_a_folder_applies_to_every_file(home_page, tmp_path):
    folder = tmp_path / "protokoll"
    folder.mkdir()
    for day in ("06", "20"):
        text = MINUTES.replace("Testkommun kommun\n", "").replace("2024-03-06", f"2024-03-{day}")
        (folder / f"ks-2024-03-{day}.txt").write_text(text, encoding="utf-8")
    _out, _err, failed = run(folder, "--municipality", "lerums kommun")
    assert failed is None
    assert sorted({page.municipality.name for page in MinutesPage.objects.all()}) == ["Lerum"]
    assert MinutesPage.objects.count() == 2
