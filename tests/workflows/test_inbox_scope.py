"""The inbox's URLs name a process and a task: both must agree, and the record must be visible."""

import pytest

from tests.workflows.test_assignment_flow import setup  # noqa: F401 - shared fixture
from workflows.services import open_task, start_assignment_process

pytestmark = pytest.mark.django_db


def test_a_task_under_another_process_in_the_url_is_not_found(client, setup):  # noqa: F811
    first = start_assignment_process(setup["assignment"])
    second_assignment = type(setup["assignment"]).objects.create(
        municipality=setup["assignment"].municipality,
        title="Ett annat uppdrag",
        task="Ett annat uppdrag.",
        decided_on=setup["assignment"].decided_on,
    )
    second = start_assignment_process(second_assignment)
    work = open_task(second, "work")
    client.force_login(setup["secretary"])
    assert client.get(f"/arenden/assignment/{second.pk}/work/{work.pk}/detail/").status_code == 200
    assert client.get(f"/arenden/assignment/{first.pk}/work/{work.pk}/detail/").status_code == 404


def test_a_process_of_another_flow_is_not_found_under_this_one(client, setup):  # noqa: F811
    process = start_assignment_process(setup["assignment"])
    client.force_login(setup["secretary"])
    assert client.get(f"/arenden/assignment/{process.pk}/").status_code == 200
    assert client.get(f"/arenden/motion/{process.pk}/").status_code == 404


def test_a_secretary_of_another_organ_cannot_cancel_the_work_step(client, setup):  # noqa: F811
    from django.contrib.auth import get_user_model
    from viewflow.workflow import STATUS

    from governance.models import Organization
    from governance.roles import SECRETARIES
    from tests import factories

    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    other_organ = Organization.objects.create(
        municipality=setup["assignment"].municipality, name="Socialnämnden", classification="committee"
    )
    colleague = get_user_model().objects.create_user("socialsekreterare", password="x")
    colleague.groups.add(setup["secretary"].groups.get(name=SECRETARIES))
    factories.make_scope(colleague, setup["assignment"].municipality, [other_organ])
    client.force_login(colleague)
    assert client.post(f"/arenden/assignment/{process.pk}/work/{work.pk}/cancel/").status_code == 403
    work.refresh_from_db()
    assert work.status != STATUS.CANCELED
    client.force_login(setup["secretary"])
    client.post(f"/arenden/assignment/{process.pk}/work/{work.pk}/cancel/")
    work.refresh_from_db()
    assert work.status == STATUS.CANCELED
