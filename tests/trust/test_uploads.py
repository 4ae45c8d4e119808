"""Report-back attachments pass Wagtail's document checks and are served only as downloads,
only to those who may see the assignment."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from governance.models import AssignmentAttachment
from tests.trust.conftest import disk_storage  # noqa: F401 - shared fixture
from tests.workflows.test_assignment_flow import setup  # noqa: F401 - shared fixture
from workflows.services import open_task, start_assignment_process

pytestmark = pytest.mark.django_db


def execute_url(task):
    return f"/arenden/assignment/{task.process_id}/{task.flow_task.name}/{task.pk}/execute/"


def submit_report(client, setup, *files):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    client.force_login(setup["director"])
    response = client.post(
        execute_url(work),
        {"progress_note": "", "report": "Helhetsbild.", "ready_to_report": "on", "attachments": list(files)},
    )
    return process, response


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("evil.html", b"<script>alert(1)</script>", content_type="text/html"),
        SimpleUploadedFile("evil.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml"),
        SimpleUploadedFile("rapport.PDF.exe", b"MZ", content_type="application/octet-stream"),
    ],
    ids=["html", "svg", "exe"],
)
def test_a_file_type_outside_the_allowed_extensions_is_refused_and_nothing_is_saved(client, setup, upload):  # noqa: F811
    process, response = submit_report(client, setup, upload)
    assert response.status_code == 200, "the form is shown again with the error"
    content = response.content.decode()
    assert upload.name in content
    assert "Filändelsen" in content, "Wagtail's extension check, in Swedish"
    assert not AssignmentAttachment.objects.exists()
    assert not get_document_model().objects.exists()
    assert open_task(process, "work") is not None, "the report was not submitted"


def test_a_file_over_the_size_limit_is_refused(client, setup, settings):  # noqa: F811
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    big = SimpleUploadedFile("stor.pdf", b"%PDF-1.4 " + b"x" * 2048, content_type="application/pdf")
    _process, response = submit_report(client, setup, big)
    assert response.status_code == 200
    content = response.content.decode()
    assert "stor.pdf" in content
    assert "Filen är för stor" in content, "Wagtail's size check, in Swedish"
    assert not AssignmentAttachment.objects.exists()


def test_the_default_size_limit_refuses_a_25_mb_file(client, setup):  # noqa: F811
    big = SimpleUploadedFile("stor.pdf", b"%PDF-1.4 " + b"\0" * (25 * 1024 * 1024), content_type="application/pdf")
    _process, response = submit_report(client, setup, big)
    assert response.status_code == 200
    assert not AssignmentAttachment.objects.exists()


def test_one_bad_file_refuses_the_whole_upload(client, setup):  # noqa: F811
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    bad = SimpleUploadedFile("evil.html", b"<b>x</b>", content_type="text/html")
    _process, response = submit_report(client, setup, good, bad)
    assert response.status_code == 200
    assert not AssignmentAttachment.objects.exists()


def test_an_accepted_attachment_is_a_download_with_nosniff_and_only_for_signed_in_readers(client, setup, disk_storage):  # noqa: F811
    pdf = SimpleUploadedFile("handlingsplan.pdf", b"%PDF-1.4 handlingsplan", content_type="application/pdf")
    _process, response = submit_report(client, setup, pdf)
    assert response.status_code == 302
    document = AssignmentAttachment.objects.get().document
    download = client.get(document.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"] == "default-src 'none'"

    client.logout()
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"], "the public is asked to log in"

    client.force_login(setup["stranger"])  # signed in, but no role that may read assignments
    assert client.get(document.url).status_code == 404
