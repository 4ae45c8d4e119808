"""The main pages pass axe-core in Chromium with no serious or critical violations."""

from governance.models import Assignment, MinutesPage, MinutesParagraphPage


def assert_accessible(browser, path, name):
    browser.visit(path)
    browser.shot(name)
    violations = browser.axe()
    assert not violations, f"{path}:\n" + "\n".join(str(violation) for violation in violations)


def test_the_public_pages_have_no_serious_accessibility_violations(browser, demo):
    paragraph = MinutesParagraphPage.objects.live().get(number=80)
    minutes = MinutesPage.objects.live().get(pk=paragraph.get_parent().pk)
    assignment = Assignment.objects.filter(decision__paragraph=paragraph).first()
    for path, name in [
        ("/", "startsida"),
        (minutes.url, "protokoll"),
        (paragraph.url, "paragraf"),
        ("/uppdrag/", "uppdragsregister"),
        (f"/uppdrag/{assignment.pk}/", "uppdrag"),
        ("/sok/?q=arbetsmarknadsenhet", "sok"),
    ]:
        assert_accessible(browser, path, name)


def test_the_inbox_has_no_serious_accessibility_violations(browser, demo):
    browser.log_in("tjansteperson", "tjansteperson-demo")
    assert_accessible(browser, "/arenden/assignment/inbox/", "inkorg")
    browser.click(browser.find("table a[href*='/work/']"))
    browser.find("form.vf-form")
    browser.shot("uppgift")
    violations = browser.axe()
    assert not violations, "\n".join(str(violation) for violation in violations)
