"""Journey: the official opens the task from the inbox, adds a progress note and reports back."""

from governance.models import Assignment, AssignmentNote
from workflows.models import AssignmentProcess
from workflows.services import open_task

#: The task form's "Utför" button (not "Utför och fortsätt", not the file picker).
EXECUTE = "form.vf-form .vf-card__actions button:not([name=_continue])"


def demo_assignment():
    """The demo's assignment for the kommundirektör (the demo official): KSAU § 80, decision 3."""
    return Assignment.objects.get(decision__paragraph__number=80, assignee_posts__label__icontains="kommundirekt")


def test_the_official_adds_a_note_and_reports_back_from_the_inbox(browser, demo):
    assignment = demo_assignment()
    browser.log_in("tjansteperson", "tjansteperson-demo")
    browser.shot("admin-dashboard")
    assert "Mina uppgifter" in browser.text()

    browser.visit("/arenden/assignment/inbox/")
    browser.shot("inkorg")
    inbox = browser.text("main") if browser.find_all("main") else browser.text()
    assert assignment.report_to.name in inbox
    assert assignment.due_date.isoformat() in inbox
    assert "Arbeta och återrapportera" in inbox

    browser.click(browser.link(assignment.title[:40]))
    browser.find("textarea[name=progress_note]")
    browser.shot("uppgiften")
    assert assignment.title[:40] in browser.text("h1")

    browser.fill("textarea[name=progress_note]", "Handlingsplanen är skickad på remiss till förvaltningarna.")
    browser.submit(EXECUTE)
    browser.shot("lagesrapport-sparad")
    note = AssignmentNote.objects.get(assignment=assignment)
    assert note.text == "Handlingsplanen är skickad på remiss till förvaltningarna."
    assert note.author.username == "tjansteperson"

    browser.visit("/arenden/assignment/inbox/")
    browser.click(browser.link(assignment.title[:40]))
    browser.fill("textarea[name=report]", "Helhetsbild och åtgärder redovisas i bifogad handlingsplan.")
    browser.click(browser.find("input[name=ready_to_report]"))
    browser.shot("aterrapport-ifylld")
    browser.submit(EXECUTE)
    browser.shot("aterrapporterat")

    process = AssignmentProcess.objects.get(artifact_object_id=assignment.pk)
    assert open_task(process, "decide") is not None, "the report waits for the organ's decision"
    assert process.coerced.report == "Helhetsbild och åtgärder redovisas i bifogad handlingsplan."
    browser.visit(f"/arenden/assignment/{process.pk}/")
    browser.shot("arendets-historik")
    history = browser.text()
    assert "Lägesrapporten sparas" in history and "Organets beslut om återrapporten" in history
