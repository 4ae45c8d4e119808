"""The roles of the product as Django groups with the permissions each role needs.

A group says what kind of thing a role may do; `RoleScope` rows say where (which
municipality, which organs) and `governance.permissions` combines the two for each
object. Viewflow steps declare their own permissions (`.Permission(auto_create=True)`
in `workflows/flows.py`, as the viewflow cookbook does), and the groups grant them:

- Administratörer: everything, in every municipality they are given.
- Nämndsekreterare: enter and publish the minutes of their organs, keep the registers, do
  or move the work step of their organs' assignments,
  confirm and manage their organs' assignments, record the organ's decision on a
  report-back and run motions and interpellations through the council.
- Tjänstepersoner: read the registers; note progress and report back on the assignments
  they hold (the work step), in their own municipality.
- Förtroendevalda: read everything in the admin and every process's history; change nothing.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

ADMINISTRATORS = "Administratörer"
SECRETARIES = "Nämndsekreterare"
COUNCILLORS = "Förtroendevalda"
OFFICIALS = "Tjänstepersoner"

GOVERNANCE_MODELS = [
    "municipality",
    "organization",
    "party",
    "person",
    "post",
    "membership",
    "meeting",
    "case",
    "assignment",
    "rolescope",
]
SECRETARY_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMINISTRATOR_PAGE_PERMISSIONS = [*SECRETARY_PAGE_PERMISSIONS, "delete_page", "bulk_delete_page"]

PROCESS_MODELS = ["assignmentprocess", "motionprocess", "interpellationprocess"]

#: The Viewflow step permissions each role is granted (codenames auto-created by the flows).
OFFICIAL_STEPS = ["can_work_assignmentprocess"]
SECRETARY_STEPS = [
    "can_decide_assignmentprocess",
    "can_refer_motionprocess",
    "can_give_statement_motionprocess",
    "can_propose_motionprocess",
    "can_decide_motionprocess",
    "can_permit_interpellationprocess",
    "can_answer_interpellationprocess",
    "can_debate_interpellationprocess",
]


def _process_permissions(actions):
    """Permissions on the Viewflow processes (proxy models in `workflows`)."""
    return Permission.objects.filter(
        content_type__app_label="workflows",
        codename__in=[f"{action}_{model}" for model in PROCESS_MODELS for action in actions],
    )


def _step_permissions(codenames):
    return Permission.objects.filter(content_type__app_label="workflows", codename__in=codenames)


def _model_permissions(actions, models=GOVERNANCE_MODELS):
    return Permission.objects.filter(
        content_type__app_label="governance",
        codename__in=[f"{action}_{model}" for model in models for action in actions],
    )


def _page_permissions(group, root_page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def ensure_role_groups(root_page):
    """Create or complete the role groups; page permissions apply from `root_page` down.

    Page permissions are tree-wide; `governance.permissions.can_edit_page` narrows a
    secretary to the organs of their scope (enforced by hooks in `wagtail_hooks.py`).
    """
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(
        access_admin,
        *_model_permissions(["add", "change", "delete", "view"]),
        *_process_permissions(["view", "manage"]),
        *_step_permissions(OFFICIAL_STEPS + SECRETARY_STEPS),
    )
    _page_permissions(administrators, root_page, ADMINISTRATOR_PAGE_PERMISSIONS)

    secretaries, _created = Group.objects.get_or_create(name=SECRETARIES)
    secretaries.permissions.add(
        access_admin,
        *_model_permissions(["add", "change", "delete", "view"], [m for m in GOVERNANCE_MODELS if m != "rolescope"]),
        # Confidential documents of their own municipality (governance.visibility).
        *Permission.objects.filter(content_type__app_label="governance", codename="view_confidential"),
        *_process_permissions(["view", "manage"]),
        *_step_permissions(OFFICIAL_STEPS + SECRETARY_STEPS),
    )
    _page_permissions(secretaries, root_page, SECRETARY_PAGE_PERMISSIONS)

    councillors, _created = Group.objects.get_or_create(name=COUNCILLORS)
    councillors.permissions.add(access_admin, *_model_permissions(["view"]), *_process_permissions(["view"]))

    officials, _created = Group.objects.get_or_create(name=OFFICIALS)
    officials.permissions.add(
        access_admin,
        *_model_permissions(["view"]),
        *_process_permissions(["view"]),
        *_step_permissions(OFFICIAL_STEPS),
    )
    return {group.name: group for group in (administrators, secretaries, councillors, officials)}
