"""The roles of the product as Django groups with the permissions each role needs.

- Nämndsekreterare: enter and publish documents, keep every register and assignment.
- Förtroendevalda: read everything in the admin and every process's history; change nothing.
- Tjänstepersoner: read the registers, update the assignments they work on, act on their
  tasks in the inbox (/arenden/).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

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
]
SECRETARY_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


PROCESS_MODELS = ["assignmentprocess", "motionprocess", "interpellationprocess"]


def _process_permissions(actions):
    """Permissions on the Viewflow processes (proxy models in `workflows`)."""
    return Permission.objects.filter(
        content_type__app_label="workflows",
        codename__in=[f"{action}_{model}" for model in PROCESS_MODELS for action in actions],
    )


def _model_permissions(actions, models=GOVERNANCE_MODELS):
    return Permission.objects.filter(
        content_type__app_label="governance",
        codename__in=[f"{action}_{model}" for model in models for action in actions],
    )


def ensure_role_groups(root_page):
    """Create or complete the role groups; page permissions apply from `root_page` down."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    secretaries, _created = Group.objects.get_or_create(name=SECRETARIES)
    secretaries.permissions.add(
        access_admin,
        *_model_permissions(["add", "change", "delete", "view"]),
        # Confidential documents of their own municipality (governance.visibility).
        *Permission.objects.filter(content_type__app_label="governance", codename="view_confidential"),
        *_process_permissions(["view", "manage"]),
    )
    for codename in SECRETARY_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=secretaries,
            page=root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )

    councillors, _created = Group.objects.get_or_create(name=COUNCILLORS)
    councillors.permissions.add(access_admin, *_model_permissions(["view"]), *_process_permissions(["view"]))

    officials, _created = Group.objects.get_or_create(name=OFFICIALS)
    officials.permissions.add(
        access_admin,
        *_model_permissions(["view"]),
        *_model_permissions(["change"], ["assignment"]),
        *_process_permissions(["view"]),
    )
    return {group.name: group for group in (secretaries, councillors, officials)}
