"""Viewflow processes (open-source `viewflow.workflow`), not Wagtail's page moderation."""

from datetime import date

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import act, flow, lock
from viewflow.workflow.flow.views import UpdateProcessView

from governance.models import AssignmentNote

from .deadlines import next_meeting
from .models import AssignmentProcess


def responsible_user(activation):
    """The login of whoever is responsible: a named person, else the holder of the post."""
    assignment = activation.process.assignment
    for person in assignment.assignee_people.all():
        if person.user_id:
            return person.user
    for post in assignment.assignee_posts.all():
        holder = post.holder_on(date.today())
        if holder and holder.user_id:
            return holder.user
    return None


class AssignmentFlow(flow.Flow):
    """An assignment from the decision that gives it to the decision on its report-back.

    The responsible official works and writes dated progress notes until the report is
    ready; the report goes on the agenda of the next meeting of the organ it reports to;
    that organ notes it (closed), extends it with a new deadline (back to work), or
    withdraws it.
    """

    process_class = AssignmentProcess
    process_title = _("Uppdrag")
    process_description = _("Från beslut till återrapportering")
    process_summary_template = "{{ process.assignment.title }} · {{ process.assignment.status_label }}"
    # Waiting for the row lock (not NOWAIT): the second of two simultaneous completions
    # waits for the first to commit, then finds the task done and is told so.
    lock_impl = lock.SelectForUpdateLock(nowait=False)

    start = flow.StartHandle(this.start_process).Annotation(title=_("Uppdraget ges")).Next(this.work)

    work = (
        flow.View(UpdateProcessView.as_view(fields=["progress_note", "report", "ready_to_report"]))
        .Annotation(title=_("Arbeta och återrapportera"))
        .Permission("governance.change_assignment")
        .Assign(responsible_user)
        .Next(this.note_progress)
    )

    note_progress = flow.Function(this.save_progress_note).Next(this.check_report)

    check_report = (
        flow.If(act.process.has_report)
        .Annotation(title=_("Klart för återrapportering?"))
        .Then(this.put_on_agenda)
        .Else(this.work)
    )

    put_on_agenda = flow.Function(this.schedule_report).Annotation(title=_("Till nästa sammanträde")).Next(this.decide)

    decide = (
        flow.View(UpdateProcessView.as_view(fields=["outcome", "new_due_date"]))
        .Annotation(title=_("Organets beslut om återrapporten"))
        .Permission("governance.change_assignment")
        .Next(this.route_decision)
    )

    route_decision = (
        flow.Switch()
        .Case(this.close_noted, act.process.is_noted)
        .Case(this.extend, act.process.is_extended)
        .Default(this.withdraw)
    )

    close_noted = flow.Function(this.mark_completed).Next(this.noted)
    extend = flow.Function(this.extend_deadline).Next(this.work)
    withdraw = flow.Function(this.mark_withdrawn).Next(this.withdrawn)

    noted = flow.End().Annotation(title=_("Lagt till handlingarna"))
    withdrawn = flow.End().Annotation(title=_("Återkallat"))

    def start_process(self, activation, assignment):
        activation.process.artifact = assignment
        activation.process.save()
        return activation.process

    def save_progress_note(self, activation):
        process = activation.process
        if (process.progress_note or "").strip():
            AssignmentNote.objects.create(
                assignment=process.assignment,
                text=process.progress_note.strip(),
                author=activation.task.previous.first().owner,
            )
            process.progress_note = ""
            process.save()

    def schedule_report(self, activation):
        process = activation.process
        assignment = process.assignment
        if assignment.report_to_id:
            due = next_meeting(assignment.report_to, date.today() if not process.meeting_date else process.meeting_date)
            process.meeting_date = due.date
            process.meeting_explanation = due.explanation
        else:
            process.meeting_explanation = "inget organ att återrapportera till är angivet"
        process.save()

    def mark_completed(self, activation):
        assignment = activation.process.assignment
        assignment.completed_on = date.today()
        assignment.save()

    def extend_deadline(self, activation):
        process = activation.process
        assignment = process.assignment
        assignment.due_date = process.new_due_date
        assignment.due_explanation = f"förlängt av {assignment.report_to or 'organet'} → {process.new_due_date}"
        assignment.save()
        process.ready_to_report = False
        process.outcome = ""
        process.new_due_date = None
        process.save()

    def mark_withdrawn(self, activation):
        assignment = activation.process.assignment
        assignment.withdrawn_on = date.today()
        assignment.save()
