"""The main pages pass axe-core in Chromium with no serious or critical violations."""

from governance.models import MinutesPage, MinutesParagraphPage


def assert_accessible(browser, path, name):
    browser.visit(path)
    browser.shot(name)
    violations = browser.axe()
    assert not violations, f"{path}:\n" + "\n".join(str(violation) for violation in violations)


def test_the_public_pages_have_no_serious_accessibility_violations(browser, demo):
    paragraph = MinutesParagraphPage.objects.live().get(number=80)
    minutes = MinutesPage.objects.live().get(pk=paragraph.get_parent().pk)
    for path, name in [
        ("/", "startsida"),
        (minutes.url, "protokoll"),
        (paragraph.url, "paragraf"),
        ("/uppdrag/", "uppdragsregister"),
        ("/sok/?q=arbetsmarknadsenhet", "sok"),
    ]:
        assert_accessible(browser, path, name)
