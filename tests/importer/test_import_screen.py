"""The admin's "Importera dokument": a secretary uploads files, reviews the dry run,
corrects it and imports, through the same pipeline as `manage.py import_documents`."""

import re
import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance import import_batches
from governance.importer.highlight import assignment_phrase
from governance.models import Assignment, ImportBatch, ImportItem, MinutesPage, MinutesParagraphPage
from governance.roles import ADMINISTRATORS, COUNCILLORS, OFFICIALS, SECRETARIES, ensure_role_groups
from governance.templatetags.import_review_tags import mark_assignment
from tests import factories
from tests.importer.pdf_files import pdf_with_text, pdf_without_text
from tests.importer.test_import_command import MINUTES, SEEDS
from tests.processes import PROJECT_DIR, run_manage


def minutes_text(day="2024-03-06", municipality_line=True):
    text = MINUTES.replace("Sammanträdesdatum 2024-03-06", f"Sammanträdesdatum {day}")
    return text if municipality_line else text.split("\n", 1)[1]


def upload(name, content):
    return SimpleUploadedFile(name, content.encode("utf-8") if isinstance(content, str) else content)


def login_as(client, site, group_name, username=None):
    user = get_user_model().objects.create_user(username=username or group_name.lower(), password="x")
    user.groups.add(site["groups"][group_name])
    client.force_login(user)
    return user


@pytest.fixture
def site(home_page):
    return {
        "home": home_page,
        "groups": ensure_role_groups(home_page),
        "municipality": factories.make_municipality("Testkommun"),
    }


@pytest.fixture
def secretary(client, site):
    user = login_as(client, site, SECRETARIES, "sekreterare")
    factories.make_scope(user, site["municipality"], whole_municipality=True)
    return user


def post_files(client, *files, **defaults):
    data = {"files": list(files), "kind": "", "municipality": "", "organization": "", **defaults}
    return client.post(reverse("import_index"), data)


def only_batch():
    return ImportBatch.objects.get()


@pytest.mark.django_db
def test_the_review_shows_kind_paragraphs_and_the_assignment_with_its_sentence_marked(client, secretary):
    response = post_files(client, upload("ks-2024-03-06.txt", minutes_text()))
    batch = only_batch()
    assert response.status_code == 302 and response.url == reverse("import_batch", args=[batch.pk])
    item = batch.items.get()
    assert item.status == ImportItem.Status.PARSED and item.errors == []

    listing = client.get(response.url).content.decode()
    assert "ks-2024-03-06.txt" in listing and "Protokoll" in listing and "Kommunstyrelsen" in listing
    assert "Importera valda" in listing

    page = client.get(reverse("import_item", args=[batch.pk, item.pk])).content.decode()
    assert "Protokoll" in page and "paragrafrubriker" in page, "the kind with the classifier's reasons"
    assert "§ 12" in page and "Handlingsplan för feriearbete" in page and "KS 2024/17" in page
    assert "Val av ombud" in page and "KS 2024/18" in page
    assert "Kommundirektören <mark>får i uppdrag att</mark> ta fram en handlingsplan för feriearbete." in page
    assert "senast 2024-06-30" in page and "2024-06-30" in page
    assert MinutesPage.objects.count() == 0, "the review writes nothing"


@pytest.mark.django_db
def test_correcting_the_municipality_runs_the_review_again_and_the_import_uses_it(client, secretary, site):
    post_files(client, upload("utan-kommun.txt", minutes_text(municipality_line=False)))
    item = only_batch().items.get()
    assert any("ingen kommun hittades" in error for error in item.errors)
    page = client.get(reverse("import_item", args=[item.batch_id, item.pk])).content.decode()
    assert "ange ”Kommun”" in page, "the CLI's --municipality is named as the screen's field"
    assert "Importera valda" not in client.get(reverse("import_batch", args=[item.batch_id])).content.decode()

    response = client.post(
        reverse("import_item", args=[item.batch_id, item.pk]),
        {"kind": "", "municipality": "Testkommun", "organization": "Kommunstyrelsen", "date": "", "title": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.errors == [] and item.result["municipality"] == "Testkommun"
    assert item.corrections["municipality"] == "Testkommun"

    client.post(reverse("import_batch", args=[item.batch_id]), {"action": "selected", "items": [item.pk]})
    item.refresh_from_db()
    assert item.status == ImportItem.Status.IMPORTED
    minutes = MinutesPage.objects.get()
    assert minutes.municipality == site["municipality"] and item.page_id == minutes.pk
    assert minutes.get_latest_revision().user == secretary, "the revision says who imported"


@pytest.mark.django_db
def test_correcting_the_date_and_title_changes_the_stored_page_and_the_due_dates(client, secretary):
    post_files(client, upload("ks.txt", minutes_text()))
    item = only_batch().items.get()
    client.post(
        reverse("import_item", args=[item.batch_id, item.pk]),
        {"kind": "minutes", "municipality": "", "organization": "", "date": "2024-04-10", "title": "KS april"},
    )
    item.refresh_from_db()
    assert item.result["date"] == "2024-04-10" and item.result["title"] == "KS april"
    client.post(reverse("import_batch", args=[item.batch_id]), {"action": "all"})
    minutes = MinutesPage.objects.get()
    assert (minutes.title, minutes.date.isoformat()) == ("KS april", "2024-04-10")
    assert Assignment.objects.get().decided_on.isoformat() == "2024-04-10"


@pytest.mark.django_db
def test_importing_creates_the_pages_and_importing_the_same_file_again_duplicates_nothing(client, secretary):
    post_files(client, upload("ks.txt", minutes_text()))
    first = only_batch()
    client.post(reverse("import_batch", args=[first.pk]), {"action": "all"})
    item = first.items.get()
    assert item.status == ImportItem.Status.IMPORTED and item.write_status == "created"
    listing = client.get(reverse("import_batch", args=[first.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[item.page_id]) in listing, "the result links to the page"
    counts = (MinutesPage.objects.count(), MinutesParagraphPage.objects.count(), Assignment.objects.count())
    assert counts == (1, 2, 1)

    post_files(client, upload("ks-igen.txt", minutes_text()))
    second = ImportBatch.objects.exclude(pk=first.pk).get()
    client.post(reverse("import_batch", args=[second.pk]), {"action": "all"})
    again = second.items.get()
    assert again.status == ImportItem.Status.IMPORTED and again.write_status == "unchanged"
    assert again.page_id == item.page_id
    assert (MinutesPage.objects.count(), MinutesParagraphPage.objects.count(), Assignment.objects.count()) == counts
    assert "Fanns redan" in client.get(reverse("import_batch", args=[second.pk])).content.decode()


@pytest.mark.django_db
def test_bad_files_get_a_swedish_reason_and_the_other_files_of_the_batch_are_kept(client, secretary, settings):
    settings.BESLUTSSPAR_IMPORT_MAX_UPLOAD_SIZE = 5_000
    good = minutes_text()
    assert len(good.encode()) < 5_000
    post_files(
        client,
        upload("ks.txt", good),
        upload("protokoll.docx", b"PK\x03\x04 not supported"),
        upload("tom.txt", b""),
        upload("stor.txt", "x" * 6_000),
        upload("inskannad.pdf", pdf_without_text()),
    )
    items = {item.file_name: item for item in only_batch().items.all()}
    assert len(items) == 5
    assert items["ks.txt"].importable
    assert items["protokoll.docx"].status == ImportItem.Status.REFUSED
    assert "filtypen .docx kan inte importeras" in items["protokoll.docx"].errors[0]
    assert items["tom.txt"].errors == ["tom.txt: filen är tom."]
    assert "för stor" in items["stor.txt"].errors[0]
    assert bytes(items["stor.txt"].content) == b"", "a refused file is not stored"
    assert items["inskannad.pdf"].status == ImportItem.Status.PARSED
    assert "saknar textlager" in items["inskannad.pdf"].errors[0] and not items["inskannad.pdf"].importable

    batch = only_batch()
    chosen = [item.pk for item in items.values()]
    client.post(reverse("import_batch", args=[batch.pk]), {"action": "selected", "items": chosen})
    assert MinutesPage.objects.count() == 1
    refused = {item.file_name: item.status for item in batch.items.exclude(status=ImportItem.Status.IMPORTED)}
    assert set(refused) == {"protokoll.docx", "tom.txt", "stor.txt", "inskannad.pdf"}
    page = client.get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert "1 av 1 filer importerades" in page
    assert "Importerades inte: inskannad.pdf: PDF-filen saknar textlager" in page
    assert "Importerades inte: protokoll.docx: filtypen .docx kan inte importeras" in page


@pytest.mark.django_db
def test_a_real_motion_and_interpellation_are_reviewed_with_their_own_fields(client, secretary, site):
    for name in ("Eksjö", "Enköping"):
        factories.make_scope(secretary, factories.make_municipality(name), whole_municipality=True)
    post_files(
        client,
        upload("motion.txt", (SEEDS / "eksjo-2021-motion-arbetsmarknadsenhet.txt").read_bytes()),
        upload("interpellation.txt", (SEEDS / "enkoping-2020-interpellation-svar.txt").read_bytes()),
    )
    motion, interpellation = only_batch().items.order_by("position")
    assert motion.importable and interpellation.importable
    page = client.get(reverse("import_item", args=[motion.batch_id, motion.pk])).content.decode()
    assert "Motion" in page and "Eksjö" in page and "Kommunfullmäktige" in page and "2021-03-18" in page
    assert "Förslagsställare" in page and "Kjell Axell (S), Gruppledare, Socialnämnden" in page
    assert "att en ny arbetsmarknadsenhet inrättas i kommunen i enlighet med motionen." in page
    page = client.get(reverse("import_item", args=[interpellation.batch_id, interpellation.pk])).content.decode()
    assert "Interpellant" in page and "Sven Jansson (S)" in page
    assert "Ställd till" in page and "Mats Flodin (M)" in page
    assert "1. Varför har arbetet med att ta fram en organisation- och genomförandeplan" in page


@pytest.mark.django_db
def test_a_pdf_with_text_is_reviewed_like_a_text_file(client, secretary):
    lines = minutes_text().splitlines()
    post_files(client, upload("ks.pdf", pdf_with_text(lines)))
    item = only_batch().items.get()
    assert item.errors == [] and item.result["kind"] == "minutes"
    assert [paragraph["number"] for paragraph in item.result["paragraphs"]] == [12, 13]


@pytest.mark.django_db
def test_an_upload_of_only_bad_files_stores_nothing_and_says_why(client, secretary):
    response = post_files(client, upload("bild.png", b"\x89PNG"), upload("tom.txt", b""))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ingen fil kunde tas emot" in content and "bild.png: filtypen .png kan inte importeras" in content
    assert ImportBatch.objects.count() == 0 and ImportItem.objects.count() == 0


@pytest.mark.django_db
def test_more_files_than_the_limit_are_refused_as_a_whole_with_a_swedish_message(client, secretary, settings):
    settings.BESLUTSSPAR_IMPORT_MAX_FILES = 2
    response = post_files(client, *(upload(f"ks-{n}.txt", minutes_text()) for n in range(3)))
    assert response.status_code == 200
    assert "Högst 2 filer åt gången; dela upp uppladdningen." in response.content.decode()
    assert ImportBatch.objects.count() == 0


@pytest.mark.django_db
def test_a_secretary_cannot_import_for_an_organ_outside_their_scope(client, site):
    user = login_as(client, site, SECRETARIES, "bun-sekreterare")
    school = factories.make_organization(site["municipality"], "Barn- och utbildningsnämnden")
    factories.make_organization(site["municipality"], "Kommunstyrelsen")
    factories.make_scope(user, site["municipality"], organizations=[school])
    post_files(client, upload("ks.txt", minutes_text()))
    item = only_batch().items.get()
    assert any("du är inte sekreterare för Kommunstyrelsen" in error for error in item.errors)
    client.post(reverse("import_batch", args=[item.batch_id]), {"action": "selected", "items": [item.pk]})
    assert MinutesPage.objects.count() == 0


@pytest.mark.django_db
def test_a_secretary_sees_only_their_own_batches(client, secretary, site):
    post_files(client, upload("ks.txt", minutes_text()))
    batch = only_batch()
    client.logout()
    other = login_as(client, site, SECRETARIES, "annan-sekreterare")
    factories.make_scope(other, site["municipality"], whole_municipality=True)
    assert client.get(reverse("import_batch", args=[batch.pk])).status_code == 404
    assert client.post(reverse("import_batch", args=[batch.pk]), {"action": "all"}).status_code == 404
    assert MinutesPage.objects.count() == 0
    login_as(client, site, ADMINISTRATORS, "admin")
    assert client.get(reverse("import_batch", args=[batch.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("group", [OFFICIALS, COUNCILLORS])
def test_officials_and_councillors_are_refused_and_see_no_menu_item(client, site, group):
    login_as(client, site, group)
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message.
    refused = client.get(reverse("import_index"), follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "du saknar rättigheter" in refused.content.decode()
    posted = post_files(client, upload("ks.txt", minutes_text()))
    assert posted.status_code in (302, 403) and getattr(posted, "url", "/admin/") == "/admin/"
    assert ImportBatch.objects.count() == 0
    assert "Importera dokument" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client, site):
    response = client.get(reverse("import_index"))
    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.django_db
def test_secretaries_see_the_menu_item(client, secretary):
    assert "Importera dokument" in client.get("/admin/").content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_background_command_parses_and_imports_a_large_batch(client, secretary):
    days = ["2024-03-01", "2024-03-08", "2024-03-15", "2024-03-22", "2024-03-29"]
    post_files(client, *(upload(f"ks-{day}.txt", minutes_text(day)) for day in days))
    batch = only_batch()
    assert len(days) > import_batches.INLINE_FILES
    assert set(batch.items.values_list("status", flat=True)) == {ImportItem.Status.QUEUED}
    progress = client.get(reverse("import_progress", args=[batch.pk])).json()
    assert (progress["parsed"], progress["files"], progress["busy"]) == (0, 5, True)

    parsing = run_manage("process_imports")  # as cron runs it
    assert parsing.returncode == 0, parsing.stderr
    assert "5 tolkade" in parsing.stdout
    assert client.get(reverse("import_progress", args=[batch.pk])).json()["parsed"] == 5
    assert all(item.importable for item in batch.items.all())

    client.post(reverse("import_batch", args=[batch.pk]), {"action": "all"})
    assert set(batch.items.values_list("status", flat=True)) == {ImportItem.Status.IMPORT_QUEUED}
    assert MinutesPage.objects.count() == 0, "a large import waits for the background"
    importing = run_manage("process_imports")
    assert importing.returncode == 0, importing.stderr
    assert "5 importerade" in importing.stdout
    assert MinutesPage.objects.count() == 5
    assert set(batch.items.values_list("status", flat=True)) == {ImportItem.Status.IMPORTED}
    assert {minutes.get_latest_revision().user for minutes in MinutesPage.objects.all()} == {secretary}
    assert "inget att göra" in run_manage("process_imports").stdout


@pytest.mark.django_db
def test_a_file_claimed_by_a_worker_is_not_claimed_again_until_the_claim_is_stale(client, secretary):
    post_files(client, *(upload(f"ks-{day}.txt", minutes_text(f"2024-05-0{day}")) for day in range(1, 5)))
    batch = only_batch()
    taken = import_batches.claim(ImportItem.Status.QUEUED, "worker-a", batch)
    others = [import_batches.claim(ImportItem.Status.QUEUED, "worker-b", batch) for _ in range(4)]
    assert taken is not None and taken.pk not in [item.pk for item in others if item]
    assert others[-1] is None, "three left for worker b, then nothing"
    ImportItem.objects.filter(pk=taken.pk).update(claimed_at=timezone.now() - import_batches.STALE_CLAIM - timedelta(1))
    retaken = import_batches.claim(ImportItem.Status.QUEUED, "worker-c", batch)
    assert retaken.pk == taken.pk and retaken.claimed_by == "worker-c"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Kommundirektören får i uppdrag att ta fram en plan.", "får i uppdrag att"),
        ("Kommunstyrelsen uppdrar åt förvaltningen att utreda frågan.", "uppdrar åt förvaltningen att"),
        ("Uppdraget med att ta fram en plan ska fortsätta.", "Uppdraget med att ta fram en plan ska fortsätta"),
        ("Informationen antecknas.", None),
    ],
)
def test_the_marked_phrase_is_the_one_that_gives_the_assignment(sentence, phrase):
    span = assignment_phrase(sentence)
    assert (sentence[span[0] : span[1]] if span else None) == phrase


@pytest.mark.django_db
def test_importing_a_few_files_of_a_large_batch_touches_only_those_files(client, secretary):
    post_files(client, *(upload(f"ks-{day}.txt", minutes_text(f"2024-06-0{day}")) for day in range(1, 6)))
    batch = only_batch()
    done = import_batches.work_through(batch=batch, limit=2, steps=(ImportItem.Status.QUEUED,))
    assert done == {ImportItem.Status.PARSED: 2}
    parsed = list(batch.items.filter(status=ImportItem.Status.PARSED).values_list("pk", flat=True))
    response = client.post(
        reverse("import_batch", args=[batch.pk]), {"action": "selected", "items": parsed}, follow=True
    )
    assert "2 av 2 filer importerades" in response.content.decode()
    statuses = sorted(batch.items.values_list("status", flat=True))
    assert statuses == [ImportItem.Status.IMPORTED] * 2 + [ImportItem.Status.QUEUED] * 3
    assert MinutesPage.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_running_at_once_share_a_batch_without_taking_a_file_twice(client, secretary):
    post_files(client, *(upload(f"ks-{day:02d}.txt", minutes_text(f"2024-07-{day:02d}")) for day in range(1, 9)))
    batch = only_batch()
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "process_imports"],
            cwd=PROJECT_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [worker.communicate(timeout=240) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    parsed_by_each = [
        int(out.split(" tolkade")[0].rsplit(" ", 1)[-1]) if " tolkade" in out else 0 for out, _ in outputs
    ]
    assert sum(parsed_by_each) == 8, outputs
    assert set(batch.items.values_list("status", flat=True)) == {ImportItem.Status.PARSED}
    assert all(item.importable for item in batch.items.all())


@pytest.mark.django_db
def test_finished_batches_are_deleted_after_a_while_but_not_those_still_being_worked_on(client, secretary):
    post_files(client, upload("ks.txt", minutes_text()))
    post_files(client, *(upload(f"ks-{day}.txt", minutes_text(f"2024-08-0{day}")) for day in range(1, 5)))
    finished, waiting = ImportBatch.objects.order_by("pk")
    ImportBatch.objects.update(created_at=timezone.now() - timedelta(days=40))
    out = StringIO()
    call_command("process_imports", "--limit", "0", "--delete-finished-after", "30", stdout=out)
    assert "äldre än 30 dagar: 1." in out.getvalue()
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert not ImportItem.objects.filter(batch_id=finished.pk).exists()


def test_the_marked_source_sentence_is_escaped():
    marked = mark_assignment('Förvaltningen får i uppdrag att ta bort <script>alert("x")</script>.')
    assert "<mark>får i uppdrag att</mark>" in marked
    assert "<script>" not in marked and "&lt;script&gt;" in marked


def visible_text(html):
    """What a reader sees: the page without its tags (a <select> keeps its code values out of sight)."""
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.django_db
def test_the_review_explains_the_kind_in_swedish_without_the_importer_s_code_names(client, secretary):
    post_files(client, upload("ks.txt", minutes_text()))
    item = only_batch().items.get()
    page = client.get(reverse("import_item", args=[item.batch_id, item.pk])).content.decode()
    assert "Varför: Tydligt protokoll: huvudet säger protokoll" in page
    assert "minutes" not in visible_text(page)

    client.post(
        reverse("import_item", args=[item.batch_id, item.pk]),
        {"kind": "motion", "municipality": "", "organization": "", "date": "", "title": ""},
    )
    page = client.get(reverse("import_item", args=[item.batch_id, item.pk])).content.decode()
    assert "”Dokumenttyp” motion stämmer inte med texten, som tydligt är protokoll (huvudet säger protokoll" in page
    assert "minutes" not in visible_text(page) and "--kind" not in page


@pytest.mark.django_db
def test_a_file_of_no_known_kind_asks_for_the_kind_by_its_swedish_names(client, secretary):
    post_files(client, upload("brev.txt", "Hej på dig.\nVi ses i morgon.\n"))
    item = only_batch().items.get()
    page = client.get(reverse("import_item", args=[item.batch_id, item.pk])).content.decode()
    assert "okänd dokumenttyp: texten liknar ingen dokumenttyp; ange ”Dokumenttyp”." in page
    assert "minutes" not in visible_text(page)


@pytest.mark.django_db
def test_a_kind_chosen_for_the_whole_batch_is_shown_by_its_swedish_name(client, secretary):
    post_files(client, upload("riktlinje.txt", "Riktlinje för bisysslor\nGiltighetstid: Tillsvidare\n"), kind="policy")
    listing = client.get(reverse("import_batch", args=[only_batch().pk])).content.decode()
    assert "dokumenttyp styrdokument" in listing
    assert "policy" not in visible_text(listing)


# Removing one file before the import ----------------------------------------------------


def two_file_batch(client):
    post_files(client, upload("ks-mars.txt", minutes_text()), upload("ks-april.txt", minutes_text("2024-04-10")))
    batch = only_batch()
    return batch, *batch.items.order_by("position")


@pytest.mark.django_db
def test_a_secretary_removes_one_file_after_confirming_and_the_rest_of_the_batch_is_kept(client, secretary):
    batch, kept, removed = two_file_batch(client)
    client.post(
        reverse("import_item", args=[batch.pk, kept.pk]),
        {"kind": "", "municipality": "", "organization": "", "date": "", "title": "KS i mars"},
    )
    listing = client.get(reverse("import_batch", args=[batch.pk])).content.decode()
    remove_url = reverse("import_item_remove", args=[batch.pk, removed.pk])
    assert remove_url in listing and "Ta bort" in listing

    confirmation = client.get(remove_url)
    assert confirmation.status_code == 200
    assert "Vill du ta bort ks-april.txt ur import" in confirmation.content.decode()
    assert batch.items.count() == 2, "asking is not removing"

    response = client.post(remove_url, follow=True)
    assert response.redirect_chain == [(reverse("import_batch", args=[batch.pk]), 302)]
    page = response.content.decode()
    assert "ks-april.txt togs bort ur importen. De andra filerna i importen finns kvar." in page
    assert list(batch.items.values_list("file_name", flat=True)) == ["ks-mars.txt"]
    kept.refresh_from_db()
    assert kept.status == ImportItem.Status.PARSED and kept.corrections == {"title": "KS i mars"}
    assert kept.importable and kept.content == minutes_text().encode()

    client.post(reverse("import_batch", args=[batch.pk]), {"action": "all"})
    assert list(MinutesPage.objects.values_list("title", flat=True)) == ["KS i mars"]


@pytest.mark.django_db
def test_an_imported_file_cannot_be_removed_from_its_batch(client, secretary):
    batch, imported, _other = two_file_batch(client)
    client.post(reverse("import_batch", args=[batch.pk]), {"action": "selected", "items": [imported.pk]})
    imported.refresh_from_db()
    assert imported.status == ImportItem.Status.IMPORTED
    remove_url = reverse("import_item_remove", args=[batch.pk, imported.pk])
    listing = client.get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert remove_url not in listing

    response = client.post(remove_url, follow=True)
    assert "ks-mars.txt är redan importerad och kan inte tas bort ur importen" in response.content.decode()
    assert client.get(remove_url).status_code == 302, "no confirmation page for a file that cannot go"
    imported.refresh_from_db()
    assert imported.status == ImportItem.Status.IMPORTED and MinutesPage.objects.count() == 1


@pytest.mark.django_db
def test_a_file_being_parsed_by_a_worker_is_not_removed(client, secretary):
    batch, claimed, _other = two_file_batch(client)
    ImportItem.objects.filter(pk=claimed.pk).update(status=ImportItem.Status.PARSING, claimed_at=timezone.now())
    response = client.post(reverse("import_item_remove", args=[batch.pk, claimed.pk]), follow=True)
    assert "ks-mars.txt kan inte tas bort just nu (tolkas); försök igen när den är klar." in response.content.decode()
    assert batch.items.count() == 2


@pytest.mark.django_db
def test_only_someone_who_may_import_the_batch_can_remove_its_files(client, secretary, site):
    batch, item, _other = two_file_batch(client)
    remove_url = reverse("import_item_remove", args=[batch.pk, item.pk])
    client.logout()
    other = login_as(client, site, SECRETARIES, "annan-sekreterare")
    factories.make_scope(other, site["municipality"], whole_municipality=True)
    assert client.get(remove_url).status_code == 404
    assert client.post(remove_url).status_code == 404
    client.logout()
    login_as(client, site, OFFICIALS, "tjansteperson")
    refused = client.post(remove_url)
    assert refused.status_code in (302, 403) and getattr(refused, "url", "/admin/") == "/admin/"
    assert batch.items.count() == 2

    client.logout()
    login_as(client, site, ADMINISTRATORS, "admin")
    client.post(remove_url)
    assert list(batch.items.values_list("file_name", flat=True)) == ["ks-april.txt"]


@pytest.mark.django_db
def test_removing_a_file_needs_the_form_s_csrf_token(site, secretary):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(secretary)
    batch = import_batches.create_batch(secretary, [upload("ks.txt", minutes_text())])
    item = batch.items.get()
    remove_url = reverse("import_item_remove", args=[batch.pk, item.pk])
    assert csrf_client.post(remove_url).status_code == 403
    assert batch.items.count() == 1

    confirmation = csrf_client.get(remove_url)
    token = confirmation.context["csrf_token"]
    assert csrf_client.post(remove_url, {"csrfmiddlewaretoken": str(token)}).status_code == 302
    assert batch.items.count() == 0
