"""Journey: the councillor finds the assignment in the overview, opens its page and reads the timeline."""

from django.contrib.auth import get_user_model
from selenium.webdriver.support.ui import Select

from governance.models import Assignment
from workflows.models import AssignmentProcess
from workflows.services import complete_task, open_task

NOTE = "Handlingsplanen är skickad på remiss till förvaltningarna."


def test_the_councillor_finds_the_assignment_and_reads_its_timeline(browser, demo):
    assignment = Assignment.objects.get(decision__paragraph__number=80, assignee_posts__label__icontains="kommundirekt")
    official = get_user_model().objects.get(username="tjansteperson")
    process = AssignmentProcess.objects.get(artifact_object_id=assignment.pk)
    complete_task(open_task(process, "work"), official, progress_note=NOTE)
    complete_task(open_task(process, "work"), official, report="Helhetsbild framtagen.", ready_to_report=True)

    browser.log_in("politiker", "politiker-demo")
    browser.shot("admin-oversikt")
    assert "Uppdragen i överblick" in browser.text()
    assert "Uppdrag att följa upp" not in browser.text(), "a councillor follows up nothing himself"

    browser.visit("/uppdrag/")
    browser.shot("uppdragsregister")
    Select(browser.find("#filter-organ")).select_by_value(str(assignment.report_to.pk))
    browser.fill("#filter-q", "handlingsplanen")
    browser.submit("#filter button[type=submit]")
    browser.shot("filtrerat-pa-organ-och-text")
    assert f"organ={assignment.report_to.pk}" in browser.path
    links = browser.find_all("a.assignment-link")
    assert [link.text for link in links] == [assignment.title]

    browser.click(links[0])
    browser.find("#tidslinje")
    browser.shot("uppdragets-sida")
    assert browser.path == f"/uppdrag/{assignment.pk}/"
    assert browser.text("h1") == assignment.title
    assert assignment.report_to.name in browser.text("#uppdrag-aterrapporteras-till")
    timeline = browser.text("#tidslinje")
    assert "Uppdraget gavs" in timeline
    assert NOTE in timeline, "a councillor reads the official's progress notes"
    assert "Till nästa sammanträde" in timeline, "the report-back is placed on the organ's next meeting"
    assert timeline.index("Uppdraget gavs") < timeline.index(NOTE)
