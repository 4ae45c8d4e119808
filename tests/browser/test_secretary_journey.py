"""Journey: the secretary logs a § in the admin whose decision gives an assignment, and confirms it."""

from datetime import date

from governance.models import Assignment, MinutesPage, MinutesParagraphPage

DECISION = (
    "Kommundirektören får i uppdrag att ta fram en plan för sommarjobb för ungdomar. "
    "Återrapport ska ske till kommunstyrelsen senast 2027-03-31."
)


def test_the_secretary_publishes_a_paragraph_and_confirms_the_assignment_read_from_it(browser, demo):
    minutes = MinutesPage.objects.live().get(organization__abbreviation="KSAU")
    browser.log_in("sekreterare", "sekreterare-demo")
    browser.shot("admin-start")

    browser.visit(f"/admin/pages/add/governance/minutesparagraphpage/{minutes.pk}/")
    browser.fill("#id_title", "Sommarjobb för ungdomar")
    browser.fill("#id_number", "81")
    browser.click(browser.find("#id_decisions-ADD"))
    browser.fill("textarea[name='decisions-0-text']", DECISION)
    browser.shot("ny-paragraf-ifylld")
    # "Publicera" sits in the editor's action menu; pressing it submits the page form.
    publish = browser.find("button[name=action-publish]")
    old_page = browser.find("body")
    browser.driver.execute_script("arguments[0].click();", publish)
    browser.wait_until_stale(old_page)
    browser.shot("publicerad")

    paragraph = MinutesParagraphPage.objects.live().get(number=81, title="Sommarjobb för ungdomar")
    assignment = Assignment.objects.get(decision__paragraph=paragraph)
    assert assignment.needs_confirmation, "read from the text, waiting for the secretary"
    assert assignment.due_date == date(2027, 3, 31)
    assert "kommundirektör" in " ".join(assignment.assignee_labels).lower()
    assert assignment.report_to.name.lower() == "kommunstyrelsen"

    browser.visit(f"/admin/pages/{paragraph.pk}/edit/")
    browser.wait_for_text("Uppdrag i beslutet")
    browser.shot("uppdrag-i-beslutet")
    assert "ta fram en plan för sommarjobb" in browser.text()
    assert "2027-03-31" in browser.text()

    browser.click(browser.link("Bekräfta eller rätta"))
    browser.shot("bekrafta")
    browser.submit("main form button[type=submit]")
    browser.shot("bekraftat")
    assignment.refresh_from_db()
    assert not assignment.needs_confirmation
    assert assignment.confirmed_at is not None

    browser.visit(paragraph.url)
    browser.shot("paragrafen-pa-webbplatsen")
    assert "Kommundirektören får i uppdrag att ta fram en plan för sommarjobb" in browser.text()
    assert "2027-03-31" in browser.text()
