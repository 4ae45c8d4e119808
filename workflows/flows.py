"""Viewflow processes (open-source `viewflow.workflow`), not Wagtail's page moderation."""

from datetime import date
from functools import partial

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import act, flow, lock
from viewflow.workflow.flow.views import UpdateProcessView

from governance.deadlines import due_date_for, interpellation_answer_due, next_meeting
from governance.models import Assignment, AssignmentNote, MotionAction, Organization
from governance.permissions import (
    Action,
    can_act_on_assignment,
    can_act_on_document,
    can_manage_assignment,
    is_administrator,
    municipality_ids,
)

from .imported_statements import record_held_answer, record_held_statement
from .models import AssignmentProcess, InterpellationProcess, MotionProcess
from .nodes import ScopedView
from .views import ReferView, StatementView, WorkView


def may_take_work(user, process):
    """Take the work step: the assignment's holder, or a secretary of its organs."""
    return can_act_on_assignment(user, process.assignment, Action.REPORT)


def may_do_work(user, process):
    """Do the work step once it is yours: also a colleague a secretary moved it to, in the same municipality."""
    assignment = process.assignment
    return may_take_work(user, process) or assignment.municipality_id in municipality_ids(user)


def may_decide(user, process):
    """Record the organ's decision on a report-back: a secretary of the assignment's organs."""
    return can_manage_assignment(user, process.assignment)


def may_run_document(user, process):
    """Motion and interpellation steps: a secretary of the document's organ (the council)."""
    return can_act_on_document(user, process.artifact)


def _task_user(activation):
    """Who completed the step that led here (the function nodes run on their behalf)."""
    previous = activation.task.previous.first()
    return previous.owner if previous else None


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


class ArtifactFlow(flow.Flow):
    """A flow started from code with the record it follows as the process artifact."""

    def start_process(self, activation, artifact):
        activation.process.artifact = artifact
        activation.process.save()
        return activation.process

    def may_manage(self, user, process):
        """Cancel, undo or move a task of this process: its artifact's managers."""
        return may_run_document(user, process)

    def has_manage_permission(self, user, obj=None):
        """Viewflow's manage permission, narrowed to the process's artifact when one is given."""
        if not super().has_manage_permission(user, obj):
            return False
        process = getattr(obj, "coerced", None)
        if process is None or getattr(process, "artifact", None) is None:
            return True
        return is_administrator(user) or self.may_manage(user, process)


class AssignmentFlow(ArtifactFlow):
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
        ScopedView(WorkView.as_view())
        .Annotation(title=_("Arbeta och återrapportera"))
        .Permission("workflows.can_work_assignmentprocess")
        .Scope(may_take_work, may_do_work)
        .Assign(responsible_user)
        .Next(this.note_progress)
    )

    note_progress = (
        flow.Function(this.save_progress_note).Annotation(title=_("Lägesrapporten sparas")).Next(this.check_report)
    )

    check_report = (
        flow.If(act.process.has_report)
        .Annotation(title=_("Klart för återrapportering?"))
        .Then(this.put_on_agenda)
        .Else(this.work)
    )

    put_on_agenda = flow.Function(this.schedule_report).Annotation(title=_("Till nästa sammanträde")).Next(this.decide)

    decide = (
        ScopedView(UpdateProcessView.as_view(fields=["outcome", "new_due_date"]))
        .Annotation(title=_("Organets beslut om återrapporten"))
        .Permission("workflows.can_decide_assignmentprocess")
        .Scope(may_decide)
        .Next(this.route_decision)
    )

    route_decision = (
        flow.Switch()
        .Annotation(title=_("Vad beslutade organet?"))
        .Case(this.close_noted, act.process.is_noted)
        .Case(this.extend, act.process.is_extended)
        .Default(this.withdraw)
    )

    close_noted = flow.Function(this.mark_completed).Annotation(title=_("Uppdraget avslutas")).Next(this.noted)
    extend = flow.Function(this.extend_deadline).Annotation(title=_("Tidsfristen förlängs")).Next(this.work)
    withdraw = flow.Function(this.mark_withdrawn).Annotation(title=_("Uppdraget återkallas")).Next(this.withdrawn)

    noted = flow.End().Annotation(title=_("Lagt till handlingarna"))
    withdrawn = flow.End().Annotation(title=_("Återkallat"))

    def may_manage(self, user, process):
        return may_decide(user, process)

    def save_progress_note(self, activation):
        process = activation.process
        if (process.progress_note or "").strip():
            AssignmentNote.objects.create(
                assignment=process.assignment,
                text=process.progress_note.strip(),
                author=_task_user(activation),
            )
            process.progress_note = ""
            process.save()

    def schedule_report(self, activation):
        """The report is handed in (status Återrapporterad) and goes to the organ's next meeting."""
        process = activation.process
        assignment = process.assignment
        assignment.report((process.report or "").strip(), by=_task_user(activation), from_process=True)
        if assignment.report_to_id:
            due = next_meeting(assignment.report_to, date.today() if not process.meeting_date else process.meeting_date)
            process.meeting_date = due.date
            process.meeting_explanation = due.explanation
        else:
            process.meeting_explanation = "inget organ att återrapportera till är angivet"
        process.save()

    def mark_completed(self, activation):
        activation.process.assignment.complete(by=_task_user(activation), from_process=True)

    def extend_deadline(self, activation):
        process = activation.process
        assignment = process.assignment
        if assignment.due_date != process.new_due_date or assignment.reported_on is not None:
            assignment.extend(process.new_due_date, by=_task_user(activation), from_process=True)
        process.ready_to_report = False
        process.report = ""
        process.outcome = ""
        process.new_due_date = None
        process.save()

    def mark_withdrawn(self, activation):
        activation.process.assignment.withdraw(by=_task_user(activation), from_process=True)


def _record_motion_action(motion, classification, organization=None, note="", statement_id=None):
    """Motion status is derived from its classified actions, so each step adds one;
    `statement_id` is the beslutsunderlag the step rests on, which the page links."""
    position = max((action.sort_order or 0 for action in motion.actions.all()), default=0) + 1
    motion.actions.add(
        MotionAction(
            date=date.today(),
            classification=classification,
            organization=organization,
            note=note[:300],
            statement_id=statement_id,
            sort_order=position,
        )
    )
    motion.save_revision().publish()


def _council(municipality):
    return Organization.objects.filter(
        municipality=municipality, classification=Organization.Classification.COUNCIL
    ).first()


class MotionFlow(ArtifactFlow):
    """A motion from filing at kommunfullmäktige to the council's decision.

    Kommunallagen 5 kap. 35 § wants a motion decided within a year of filing, or its
    preparation reported to the council within that year; the motion's page shows both
    dates. A decision to approve may give an assignment, which then runs its own process.
    An underlag imported before the motion was referred gives its organ's statement as soon
    as the statement step opens (`take_held_statement`).
    """

    process_class = MotionProcess
    process_title = _("Motion")
    process_summary_template = "{{ process.motion.title }}"
    lock_impl = lock.SelectForUpdateLock(nowait=False)

    start = flow.StartHandle(this.start_process).Annotation(title=_("Motionen lämnas in")).Next(this.refer)

    refer = (
        ScopedView(ReferView.as_view())
        .Annotation(title=_("Remittera för beredning"))
        .Permission("workflows.can_refer_motionprocess")
        .Scope(may_run_document)
        .Next(this.note_referral)
    )
    note_referral = (
        flow.Function(this.record_referral).Annotation(title=_("Remissen registreras")).Next(this.give_statement)
    )

    give_statement = (
        ScopedView(StatementView.as_view())
        .Annotation(title=_("Yttrande"))
        .Permission("workflows.can_give_statement_motionprocess")
        .Scope(may_run_document)
        .onCreate(this.take_held_statement)
        .Next(this.note_statement)
    )
    note_statement = (
        flow.Function(this.record_statement).Annotation(title=_("Yttrandet registreras")).Next(this.check_statements)
    )
    check_statements = (
        flow.If(act.process.all_statements_in)
        .Annotation(title=_("Har alla remissinstanser svarat?"))
        .Then(this.propose)
        .Else(this.give_statement)
    )

    propose = (
        ScopedView(UpdateProcessView.as_view(fields=["proposal"]))
        .Annotation(title=_("Kommunstyrelsens förslag"))
        .Permission("workflows.can_propose_motionprocess")
        .Scope(may_run_document)
        .Next(this.note_proposal)
    )
    note_proposal = flow.Function(this.record_proposal).Annotation(title=_("Förslaget registreras")).Next(this.decide)

    decide = (
        ScopedView(UpdateProcessView.as_view(fields=["decision", "assignment_task"]))
        .Annotation(title=_("Kommunfullmäktiges beslut"))
        .Permission("workflows.can_decide_motionprocess")
        .Scope(may_run_document)
        .Next(this.note_decision)
    )
    note_decision = (
        flow.Function(this.record_decision).Annotation(title=_("Beslutet registreras")).Next(this.check_assignment)
    )

    check_assignment = (
        flow.If(act.process.creates_assignment)
        .Annotation(title=_("Ger beslutet ett uppdrag?"))
        .Then(this.give_assignment)
        .Else(this.decided)
    )
    give_assignment = flow.Function(this.create_assignment).Annotation(title=_("Uppdraget skapas")).Next(this.decided)

    decided = flow.End().Annotation(title=_("Beslutad"))

    def take_held_statement(self, activation):
        """An underlag linked to the motion before its process got here (imported before the
        referral) completes the statement step just opened (`record_held_statement`). That
        runs once the lock the step was opened under is released (Viewflow's
        `after_lock_released`): the step is then whole and is completed as an import does."""
        lock.after_lock_released(partial(record_held_statement, activation.process.pk))

    def record_referral(self, activation):
        motion = activation.process.motion
        for organ in Organization.objects.filter(pk__in=activation.process.referred_organ_ids or []):
            _record_motion_action(motion, MotionAction.Classification.REFERRED, organ)

    def record_statement(self, activation):
        process = activation.process
        organ = Organization.objects.get(pk=process.statement_from)
        statements = dict(process.statements or {})
        statements[str(organ.pk)] = process.statement or ""
        statement_page = process.statement_page
        process.statements = statements
        process.statement = ""
        process.statement_from = None
        process.statement_page = None
        process.save()
        _record_motion_action(
            process.motion, MotionAction.Classification.STATEMENT, organ, statements[str(organ.pk)], statement_page
        )

    def record_proposal(self, activation):
        motion = activation.process.motion
        board = Organization.objects.filter(
            municipality=motion.municipality, classification=Organization.Classification.EXECUTIVE
        ).first()
        _record_motion_action(motion, MotionAction.Classification.PROPOSAL, board, activation.process.proposal or "")

    def record_decision(self, activation):
        motion = activation.process.motion
        _record_motion_action(motion, activation.process.decision, _council(motion.municipality))

    def create_assignment(self, activation):
        motion = activation.process.motion
        task = activation.process.assignment_task.strip()
        Assignment.objects.create(
            municipality=motion.municipality,
            title=task[:120],
            task=task,
            source_page=motion,
            source_text=f"Kommunfullmäktige biföll motionen {date.today():%Y-%m-%d}.",
            decided_on=date.today(),
        )


class InterpellationFlow(ArtifactFlow):
    """An interpellation from filing to the debate of its answer.

    The answer is due by the rule the municipality's arbetsordning sets (by default the
    next meeting of kommunfullmäktige after filing); promises made in the answer are
    followed as assignments of their own. An answer the interpellation held before the
    council's permission (its file held both, or a Svar came first) completes the answer step
    as soon as it opens (`take_held_answer`).
    """

    process_class = InterpellationProcess
    process_title = _("Interpellation")
    process_summary_template = "{{ process.interpellation.title }}"
    lock_impl = lock.SelectForUpdateLock(nowait=False)

    start = flow.StartHandle(this.start_process).Annotation(title=_("Interpellationen lämnas in")).Next(this.permit)

    permit = (
        ScopedView(UpdateProcessView.as_view(fields=["permitted"]))
        .Annotation(title=_("Kommunfullmäktige medger att den ställs"))
        .Permission("workflows.can_permit_interpellationprocess")
        .Scope(may_run_document)
        .Next(this.check_permitted)
    )
    check_permitted = (
        flow.If(act.process.is_permitted)
        .Annotation(title=_("Får interpellationen ställas?"))
        .Then(this.set_answer_due)
        .Else(this.refused)
    )
    set_answer_due = (
        flow.Function(this.compute_answer_due).Annotation(title=_("Svarsdagen räknas fram")).Next(this.answer)
    )

    answer = (
        ScopedView(UpdateProcessView.as_view(fields=["answer_text"]))
        .Annotation(title=_("Besvara"))
        .Permission("workflows.can_answer_interpellationprocess")
        .Scope(may_run_document)
        .onCreate(this.take_held_answer)
        .Next(this.note_answer)
    )
    note_answer = flow.Function(this.record_answer).Annotation(title=_("Svaret registreras")).Next(this.debate)

    debate = (
        ScopedView(UpdateProcessView.as_view(fields=["debated_on"]))
        .Annotation(title=_("Debatt i kommunfullmäktige"))
        .Permission("workflows.can_debate_interpellationprocess")
        .Scope(may_run_document)
        .Next(this.closed)
    )

    closed = flow.End().Annotation(title=_("Avslutad"))
    refused = flow.End().Annotation(title=_("Ej medgiven"))

    def take_held_answer(self, activation):
        """An answer the interpellation held before the council's permission (its own file,
        or a Svar linked to it) completes the answer step just opened (`record_held_answer`),
        once the lock the step was opened under is released, as `take_held_statement`."""
        lock.after_lock_released(partial(record_held_answer, activation.process.pk))

    def compute_answer_due(self, activation):
        process = activation.process
        interpellation = process.interpellation
        council = interpellation.organization or _council(interpellation.municipality)
        municipality = interpellation.municipality
        if municipality.answers_interpellations_by_meeting and council is not None:
            due = interpellation_answer_due(
                interpellation.date,
                council,
                municipality.interpellation_lead_days,
                municipality.interpellation_answered_at_next_meeting,
            )
        else:
            due = due_date_for(municipality.interpellation_answer_rule, interpellation.date, council)
        process.answer_due = due.date
        process.answer_due_explanation = due.explanation
        process.save()

    def record_answer(self, activation):
        """The interpellation is answered on the date of the document the answer comes from,
        or today when a secretary answers by hand (or the document gives no date it can bear).
        An interpellation already answered keeps its date and answer."""
        process = activation.process
        interpellation = process.interpellation
        if interpellation.answered_on is not None:
            return
        dated = process.answer_dated if interpellation.may_be_answered_on(process.answer_dated) else None
        interpellation.answered_on = dated or date.today()
        interpellation.answer_introduction = interpellation.answer_introduction or process.answer_text
        interpellation.save_revision().publish()
