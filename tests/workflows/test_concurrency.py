"""Two people completing the same task at the same moment, on real concurrent connections."""

import threading
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from governance.models import Assignment
from governance.roles import SECRETARIES, ensure_role_groups
from tests import factories
from workflows.services import TaskAlreadyDone, complete_task, open_task, start_assignment_process

pytestmark = [
    # Serialized rollback restores what migrations made (the root page) after other transactional tests flushed it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it)"),
]


def test_only_one_of_two_simultaneous_completions_succeeds():
    home = factories.make_home_page()
    groups = ensure_role_groups(home)
    municipality = factories.make_municipality("Exempelkommun")
    ksau = factories.make_organization(municipality, "Kommunstyrelsens arbetsutskott", "subcommittee")
    assignment = Assignment.objects.create(
        municipality=municipality, title="Rapport", task="Rapport.", decided_on=date(2020, 4, 15), report_to=ksau
    )
    User = get_user_model()
    first, second = (User.objects.create_user(name, password="x") for name in ("anna", "bo"))
    for user in (first, second):
        user.groups.add(groups[SECRETARIES])
        factories.make_scope(user, municipality, [ksau])
    process = start_assignment_process(assignment)
    complete_task(open_task(process, "work"), first, report="Klar.", ready_to_report=True)
    decide = open_task(process, "decide")

    barrier = threading.Barrier(2)
    outcomes = {}

    def attempt(user, outcome):
        try:
            barrier.wait(timeout=10)
            complete_task(type(decide).objects.get(pk=decide.pk), user, outcome=outcome)
            outcomes[user.username] = "done"
        except TaskAlreadyDone as error:
            outcomes[user.username] = str(error)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            import traceback

            outcomes[user.username] = "".join(traceback.format_exception(error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=attempt, args=(first, "noted")),
        threading.Thread(target=attempt, args=(second, "withdrawn")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()).count("done") == 1, outcomes
    loser = next(message for message in outcomes.values() if message != "done")
    assert "redan utförd" in loser
    assignment.refresh_from_db()
    # exactly one decision took effect
    assert (assignment.completed_on is None) != (assignment.withdrawn_on is None)
