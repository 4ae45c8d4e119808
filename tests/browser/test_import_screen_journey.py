"""Journey: the secretary uploads minutes in the admin, reviews what was read, corrects
the municipality the text does not name, and imports; the result links to the new page."""

from pathlib import Path

from django.conf import settings

from governance.models import Assignment, ImportItem, MinutesPage
from tests.processes import run_manage

SEED = Path(settings.BASE_DIR) / "fixtures" / "seeds" / "ksau-2020-04-15-p80-protokoll.txt"
BUILT = """Exempelkommun kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2026-09-02

§ 140 Dnr KS 2026/88

Sommarjobb för ungdomar
Beslut

Kommundirektören får i uppdrag att ta fram en plan för sommarjobb för ungdomar. Uppdraget ska redovisas till kommunstyrelsen senast 2027-03-31.
"""


def test_the_secretary_uploads_reviews_corrects_and_imports_minutes(browser, demo, tmp_path):
    seed = tmp_path / "ksau-2020-04-15-p80-protokoll.txt"
    seed.write_bytes(SEED.read_bytes())
    built = tmp_path / "ks-2026-09-02.txt"
    built.write_text(BUILT, encoding="utf-8")
    existing_minutes = MinutesPage.objects.count()

    browser.log_in("sekreterare", "sekreterare-demo")
    browser.click(browser.link("Importera dokument"))
    browser.wait_for_text("Ladda upp och provkör")
    browser.shot("importsidan")
    assert browser.axe() == [], "the upload form is accessible"

    browser.find("input[name=files]").send_keys(f"{seed}\n{built}")
    browser.shot("filer-valda")
    browser.submit("#upload-form button[type=submit]")
    browser.wait_for_text("2 av 2 filer tolkade")
    browser.shot("provkorning")
    text = browser.text("main")
    assert "ingen kommun hittades i texten" in text, "the seed names no municipality"
    assert "ks-2026-09-02.txt" in text and "Kommunstyrelsen" in text

    browser.click(browser.link("ksau-2020-04-15-p80-protokoll.txt"))
    browser.wait_for_text("Det här lästes ut")
    browser.shot("granskning-med-fel")
    review = browser.text("main")
    assert "§ 80" in review and "Arbetsmarknadspolitik och försörjningsstöd" in review
    marks = [mark.text for mark in browser.find_all("blockquote.import-source mark")]
    assert "får i uppdrag att" in marks, "the words that give the assignment are marked"
    assert "Kommundirektören och näringslivschefen får i uppdrag att förstärka handlingsplanen" in review
    assert browser.axe() == [], "the review screen is accessible"

    browser.fill("#id_municipality", "Exempelkommun")
    browser.submit("#correction-form button[type=submit]")
    browser.wait_for_text("Det här lästes ut")
    browser.shot("rattad")
    assert "Fel: filen kan inte importeras" not in browser.text("main")
    assert "Exempelkommun" in browser.text("dl.import-summary")

    browser.click(browser.link("Tillbaka till import"))
    browser.wait_for_text("Importera valda")
    browser.shot("redo-att-importera")
    browser.submit("#import-form button[value=selected]")
    browser.wait_for_text("Importerad")
    browser.shot("importerad")
    assert MinutesPage.objects.count() == existing_minutes + 1, "the seed was there already; the new minutes were added"
    assert set(ImportItem.objects.values_list("write_status", flat=True)) == {"created", "unchanged"}
    assignment = Assignment.objects.get(task__startswith="Ta fram en plan för sommarjobb")
    assert assignment.due_date.isoformat() == "2027-03-31"

    created = ImportItem.objects.get(write_status="created").page
    browser.click(browser.link("Skapad sida"))
    browser.wait_for_text(created.title)
    browser.shot("sidan-i-admin")
    assert browser.path.startswith(f"/admin/pages/{created.pk}/edit/")


def test_a_large_batch_is_parsed_in_the_background_and_the_page_follows_its_progress(browser, demo, tmp_path):
    files = []
    for day in range(7, 11):
        path = tmp_path / f"ks-2026-09-{day:02d}.txt"
        path.write_text(BUILT.replace("2026-09-02", f"2026-09-{day:02d}"), encoding="utf-8")
        files.append(path)

    browser.log_in("sekreterare", "sekreterare-demo")
    browser.visit("/admin/importera/")
    browser.find("input[name=files]").send_keys("\n".join(map(str, files)))
    browser.submit("#upload-form button[type=submit]")
    browser.wait_for_text("pågår i bakgrunden")
    browser.shot("vantar-pa-bakgrunden")
    assert "0 av 4 filer tolkade" in browser.text("main")

    worker = run_manage("process_imports")  # what cron runs every minute
    assert worker.returncode == 0, worker.stderr
    browser.wait_for_text("4 av 4 filer tolkade")  # the page polls and reloads by itself
    browser.wait_for_text("Importera alla 4 filer utan fel")
    browser.shot("tolkade-i-bakgrunden")
    assert "pågår i bakgrunden" not in browser.text("main")


PAGE_BREAK = (
    "\n\nJusterandes sign\n\n" + " " * 70 + "Utdragsbestyrkande\n\n" + " " * 90 + "7\n\n"
    "EXEMPELKOMMUN KOMMUN Kommunstyrelsen\n\nSAMMANTRÄDESPROTOKOLL 2026-09-02\n\n"
)


def test_the_review_reads_a_decision_across_a_page_break_as_one_without_the_page_furniture(browser, demo, tmp_path):
    minutes = tmp_path / "ks-2026-09-16.txt"
    minutes.write_text(
        BUILT.replace("2026-09-02", "2026-09-16").replace(
            "sommarjobb för ungdomar. Uppdraget", "sommarjobb för ungdomar och" + PAGE_BREAK + "uppdraget"
        ),
        encoding="utf-8",
    )
    browser.log_in("sekreterare", "sekreterare-demo")
    browser.visit("/admin/importera/")
    browser.find("input[name=files]").send_keys(str(minutes))
    browser.submit("#upload-form button[type=submit]")
    browser.wait_for_text("1 av 1 filer tolkade")
    browser.click(browser.link("ks-2026-09-16.txt"))
    browser.wait_for_text("Det här lästes ut")
    browser.shot("granskning-over-sidbrytning")
    review = browser.text("main")
    for furniture in ("Utdragsbestyrkande", "Justerandes sign", "SAMMANTRÄDESPROTOKOLL"):
        assert furniture not in review, f"{furniture!r} is page furniture, not part of the decision"
    assert "sommarjobb för ungdomar och uppdraget ska redovisas till kommunstyrelsen senast 2027-03-31" in review
    assert "2027-03-31" in browser.text("blockquote.import-source")
