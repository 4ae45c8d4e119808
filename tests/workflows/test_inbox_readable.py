"""The inbox says what each task is about, in Swedish, sends logged-out users to the login page,
links to and from the admin, and shows no button a user may not press."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Assignment
from governance.roles import COUNCILLORS
from tests.workflows.test_assignment_flow import setup  # noqa: F401 - shared fixture
from workflows.services import open_task, start_assignment_process

pytestmark = pytest.mark.django_db


def councillor_in(setup):  # noqa: F811
    user = get_user_model().objects.create_user("ledamot", password="x")
    user.groups.add(setup["secretary"].groups.model.objects.get(name=COUNCILLORS))
    return user


def test_an_inbox_row_names_the_assignment_its_organ_due_date_and_status(client, setup):  # noqa: F811
    start_assignment_process(setup["assignment"])
    client.force_login(setup["director"])
    content = client.get("/arenden/assignment/inbox/").content.decode()
    assert "Förstärka handlingsplanen" in content
    assert "Kommunstyrelsens arbetsutskott" in content
    assert "2099-01-01" in content
    assert str(setup["assignment"].status_label) in content
    assert "Arbeta och återrapportera" in content


def test_a_dashboard_card_names_the_assignment_not_the_task_number(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    client.force_login(setup["secretary"])
    content = client.get("/arenden/assignment/").content.decode()
    assert "Förstärka handlingsplanen" in content
    assert f"#{process.pk}/{work.pk}" not in content


def test_the_process_page_speaks_swedish(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(setup["director"])
    content = client.get(f"/arenden/assignment/{process.pk}/").content.decode()
    assert "Tilldelad" in content and "Beskrivning" in content and "Startad" in content
    for english in (">Assigned<", ">Description<", ">Started<", ">Done<"):
        assert english not in content


@pytest.mark.parametrize("path", ["/arenden/", "/arenden/assignment/inbox/", "/arenden/assignment/{process}/"])
def test_a_logged_out_visitor_is_sent_to_the_login_page(client, setup, path):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    response = client.get(path.format(process=process.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/arenden/")


def test_a_logged_out_visitor_opening_a_task_is_sent_to_the_login_page(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    response = client.get(f"/arenden/assignment/{process.pk}/work/{work.pk}/execute/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_councillor_is_not_offered_to_cancel_a_process(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(councillor_in(setup))
    content = client.get(f"/arenden/assignment/{process.pk}/").content.decode()
    assert f"/arenden/assignment/{process.pk}/cancel/" not in content
    assert client.get(f"/arenden/assignment/{process.pk}/cancel/").status_code == 403


def test_a_secretary_may_cancel_a_process(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(setup["secretary"])
    content = client.get(f"/arenden/assignment/{process.pk}/").content.decode()
    assert f"/arenden/assignment/{process.pk}/cancel/" in content


def test_the_process_page_links_to_the_admin_for_those_who_may_edit(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(setup["secretary"])
    content = client.get(f"/arenden/assignment/{process.pk}/").content.decode()
    assert "Redigera i administrationen" in content
    assert "/admin/" in content
    client.force_login(councillor_in(setup))
    assert "Redigera i administrationen" not in client.get(f"/arenden/assignment/{process.pk}/").content.decode()


def test_the_admin_menu_leads_to_the_inbox_and_the_inbox_back_to_the_admin(client, setup):  # noqa: F811
    start_assignment_process(setup["assignment"])
    client.force_login(setup["director"])
    admin = client.get("/admin/").content.decode()
    # Wagtail's sidebar menu is JSON rendered by its script: the item's label and URL are in it.
    assert "renden (inkorg)" in admin and '"/arenden/"' in admin
    inbox = client.get("/arenden/assignment/inbox/").content.decode()
    assert 'href="/admin/"' in inbox


def test_the_admin_dashboard_lists_the_officials_own_tasks(client, setup):  # noqa: F811
    start_assignment_process(setup["assignment"])
    client.force_login(setup["director"])
    content = client.get("/admin/").content.decode()
    assert "Mina uppgifter" in content and "Förstärka handlingsplanen" in content


def test_the_admin_dashboard_shows_a_secretary_what_is_overdue(client, setup):  # noqa: F811
    from governance.models import Assignment

    late = Assignment.objects.create(
        municipality=setup["assignment"].municipality,
        title="Utreda bredbandsutbyggnaden",
        task="Utreda bredbandsutbyggnaden.",
        decided_on=date(2020, 1, 15),
        report_to=setup["assignment"].report_to,
        due_date=date(2020, 6, 30),
    )
    client.force_login(setup["secretary"])
    content = client.get("/admin/").content.decode()
    assert content.count("Försenade och snart förfallande uppdrag") == 1  # one panel, however many apps hook in
    assert "Uppdrag att följa upp" in content
    assert late.title in content and "2020-06-30" in content
    assert setup["assignment"].title not in content.split("Uppdrag att följa upp")[1].split("</section>")[0]


def test_the_admin_dashboard_gives_a_councillor_the_counts_by_status(client, setup):  # noqa: F811
    client.force_login(councillor_in(setup))
    content = client.get("/admin/").content.decode()
    assert "Uppdragen i överblick" in content and content.count("Uppdragen i överblick") == 1
    assert "/uppdrag/?status=" in content
    assert "Uppdrag att följa upp" not in content


def test_the_process_panel_says_ja_and_nej_not_true_and_false(client, setup):  # noqa: F811
    assignment = setup["assignment"]
    assignment.read_from_text = True
    assignment.save()
    process = start_assignment_process(assignment)
    client.force_login(setup["director"])
    content = client.get(f"/arenden/assignment/{process.pk}/").content.decode()
    panel = content[content.index("Inläst ur beslutstexten") :]
    assert "<td>Ja</td>" in panel[: panel.index("</tr>")], "read from the text: yes"
    assert "<td>Nej</td>" in content
    for raw in ("<td>True</td>", "<td>False</td>", "<td>None</td>", 'alt="flow graph"'):
        assert raw not in content


def test_the_inbox_pages_in_swedish(client, setup):  # noqa: F811
    first = setup["assignment"]
    for number in range(26):
        assignment = Assignment.objects.create(
            municipality=first.municipality,
            title=f"Uppdrag nummer {number}",
            task="Utreda.",
            decided_on=first.decided_on,
            report_to=first.report_to,
            due_date=first.due_date,
        )
        assignment.assignee_posts.set(first.assignee_posts.all())
        start_assignment_process(assignment)
    client.force_login(setup["director"])
    first_page = client.get("/arenden/assignment/inbox/").content.decode()
    assert "Sida 1 av 2" in first_page and "(1–25 av 26)" in first_page
    assert ">Nästa</span>" in first_page
    second_page = client.get("/arenden/assignment/inbox/", {"page": 2}).content.decode()
    assert "Sida 2 av 2" in second_page and ">Föregående</span>" in second_page
    for english in (" of 26", ">Previous<", ">Next<"):
        assert english not in first_page and english not in second_page
