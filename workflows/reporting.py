"""Recurring report-backs: "rapportering till kommunstyrelsen två gånger per år" during a
program's validity becomes one assignment per period, each followed by its own process."""

from governance.models import Assignment


def schedule_report_backs(policy):
    """Create the missing report-back assignments for a policy document; returns them."""
    created = []
    for occasion in policy.report_schedule():
        requirement = occasion["requirement"]
        due = occasion["due"]
        exists = Assignment.objects.filter(
            source_page=policy, report_to=requirement.report_to, due_date=due, title__startswith="Rapportering"
        ).exists()
        if exists:
            continue
        created.append(
            Assignment.objects.create(
                municipality=policy.municipality,
                title=f"Rapportering om {policy.title} ({due:%Y-%m-%d})"[:255],
                task=requirement.description or f"Rapportera om {policy.title} till {requirement.report_to.name}.",
                source_page=policy,
                source_text=f"Rapportering ska ske till {requirement.report_to.name} {requirement.rule_text}.",
                decided_on=policy.valid_from or policy.date or due,
                report_to=requirement.report_to,
                deadline_text=requirement.rule_text,
                due_date=due,
                due_explanation=f"{requirement.rule_text} under giltighetstiden → periodens sista dag, {due}",
            )
        )
    return created
