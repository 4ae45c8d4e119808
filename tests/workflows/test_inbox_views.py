"""Officials act on their tasks in Viewflow's web UI, in Swedish, with permissions enforced."""

import pytest

from governance.models import AssignmentNote
from tests.workflows.test_assignment_flow import setup  # noqa: F401 - shared fixture
from workflows.services import open_task, start_assignment_process

pytestmark = pytest.mark.django_db


def execute_url(task):
    return f"/arenden/assignment/{task.process_id}/{task.flow_task.name}/{task.pk}/execute/"


def test_the_post_holder_sees_the_task_in_the_inbox(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(setup["director"])
    response = client.get("/arenden/assignment/inbox/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert f"/arenden/assignment/{process.pk}/" in response.content.decode()


def test_a_progress_note_and_the_report_are_submitted_through_the_task_form(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    client.force_login(setup["director"])
    form = client.get(execute_url(work))
    assert form.status_code == 200
    assert "Återrapport" in form.content.decode() or "återrapport" in form.content.decode()
    response = client.post(execute_url(work), {"progress_note": "Utkast klart.", "report": "", "ready_to_report": ""})
    assert response.status_code == 302
    assert AssignmentNote.objects.get().text == "Utkast klart."
    work = open_task(process, "work")
    response = client.post(execute_url(work), {"progress_note": "", "report": "Helhetsbild.", "ready_to_report": "on"})
    assert response.status_code == 302
    assert open_task(process, "decide") is not None


def test_a_stranger_cannot_open_or_submit_the_task(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    client.force_login(setup["stranger"])
    assert client.get(execute_url(work)).status_code in (302, 403, 404)
    client.post(execute_url(work), {"progress_note": "Intrång", "report": "", "ready_to_report": ""})
    assert not AssignmentNote.objects.exists()


def test_everyone_with_access_can_read_the_process_history(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(setup["secretary"])
    response = client.get(f"/arenden/assignment/{process.pk}/")
    assert response.status_code == 200


def test_a_councillor_can_read_the_history_but_not_act(client, setup):  # noqa: F811
    from django.contrib.auth import get_user_model

    from governance.roles import COUNCILLORS

    councillor = get_user_model().objects.create_user("politiker", password="x")
    councillor.groups.add(setup["secretary"].groups.model.objects.get(name=COUNCILLORS))
    process = start_assignment_process(setup["assignment"])
    client.force_login(councillor)
    assert client.get(f"/arenden/assignment/{process.pk}/").status_code == 200
    work = open_task(process, "work")
    client.post(execute_url(work), {"progress_note": "Försök", "report": "", "ready_to_report": ""})
    assert not AssignmentNote.objects.exists()


def test_a_motion_filed_on_a_date_whose_anniversary_is_a_sunday_is_due_the_monday():
    from datetime import date

    from governance.models import MotionPage

    assert MotionPage(date=date(2025, 3, 22)).decision_due == date(2026, 3, 23)


def test_the_report_back_carries_its_attachments(client, setup):  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    from governance.models import AssignmentAttachment

    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    client.force_login(setup["director"])
    files = [
        SimpleUploadedFile("handlingsplan.pdf", b"%PDF-1.4 handlingsplan", content_type="application/pdf"),
        SimpleUploadedFile("bilaga.txt", "Resurser och åtgärder".encode(), content_type="text/plain"),
    ]
    response = client.post(
        execute_url(work),
        {"progress_note": "", "report": "Helhetsbild.", "ready_to_report": "on", "attachments": files},
    )
    assert response.status_code == 302
    titles = sorted(a.document.title for a in AssignmentAttachment.objects.filter(assignment=setup["assignment"]))
    assert titles == ["bilaga.txt", "handlingsplan.pdf"]
    assert open_task(process, "decide") is not None


def test_the_inbox_speaks_swedish(client, setup):  # noqa: F811
    start_assignment_process(setup["assignment"])
    client.force_login(setup["director"])
    content = client.get("/arenden/assignment/inbox/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Inkorg" in content and "Kö" in content and "Arkiv" in content
    assert "Inbox" not in content
