"""The public looks a matter up in Chromium: organ → meeting → case → person, and the charts.

No login: what a resident or journalist sees. Each page is asserted on its content, checked
with axe-core, and saved as a screenshot.
"""

import pytest
from selenium.webdriver.common.by import By

from tests import factories
from tests.scenarios import make_followed_matter

from .test_accessibility import assert_accessible


@pytest.fixture
def matter(transactional_db, django_db_serialized_rollback):
    return make_followed_matter(factories.make_home_page())


def test_the_public_follows_a_matter_from_the_organ_page_to_the_case_and_a_person(browser, matter):
    browser.visit(f"/organ/{matter['board'].pk}/")
    assert browser.text("h1") == "Kommunstyrelsen (KS)"
    assert "Anna Andersson" in browser.text(".members") and "Ordförande" in browser.text(".members")
    assert "Svar på motion om cykelbanor" in browser.text("main")
    assert "Personalärende" not in browser.text("main")
    browser.shot("organ")
    assert_accessible(browser, f"/organ/{matter['board'].pk}/", "organ-axe")

    browser.click(browser.link("2025-03-03"))
    browser.wait_for_text("Dagordning och beslut")
    assert browser.text("h1") == "Kommunstyrelsen 2025-03-03"
    agenda = browser.text(".agenda")
    assert "§ 12 Svar på motion om cykelbanor" in agenda and "får i uppdrag att bygga en cykelbana" in agenda
    assert "Personalärende" not in agenda
    statutory = browser.text(".statutory")
    assert "Överklagandetiden går ut" in statutory and "2025-04-01" in statutory
    browser.shot("sammantrade")
    assert not browser.axe()

    browser.click(browser.link("KS 2025/12"))
    browser.wait_for_text("Ärendets gång")
    history = [item.text for item in browser.find_all(".case-history li")]
    assert [line.split("\n")[0][:10] for line in history] == sorted(line.split("\n")[0][:10] for line in history)
    assert any("Motion om cykelbanor" in line for line in history)
    assert any("Remitterad" in line for line in history)
    assert any("KS § 12" in line for line in history)
    assert any("Bygga cykelbana" in line for line in history)
    assert not any("Personalärende" in line for line in history)
    browser.shot("arende")
    assert not browser.axe()

    browser.visit(f"/person/{matter['anna'].pk}/")
    assert browser.text("h1") == "Anna Andersson (S)"
    assert "Kommunstyrelsen" in browser.text(".memberships") and "Motion om cykelbanor" in browser.text("main")
    browser.shot("person")
    assert not browser.axe()


def test_the_public_reads_the_follow_up_charts_with_their_tables(browser, matter):
    browser.visit(f"/uppfoljning/?organ={matter['board'].pk}")
    assert browser.text("h1") == "Uppföljning av uppdrag"
    charts = browser.find_all("svg.chart")
    assert len(charts) == 3
    assert all(chart.size["width"] > 100 for chart in charts)  # drawn, not collapsed
    first_table = browser.find_all("table.chart-table")[0]
    header = [cell.text for cell in first_table.find_elements(By.CSS_SELECTOR, "thead th")]
    rows = {
        cells[0]: cells[1:]
        for cells in (
            [cell.text for cell in tr.find_elements(By.CSS_SELECTOR, "th, td")]
            for tr in first_table.find_elements(By.CSS_SELECTOR, "tbody tr")
        )
    }
    assert rows["Kommunstyrelsen"][header.index("Försenat") - 1] == "1"
    browser.shot("uppfoljning")
    assert not browser.axe()
