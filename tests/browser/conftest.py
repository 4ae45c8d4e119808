"""Browser tests: the site on pytest-django's live server, driven by Debian's Chromium.

Selenium talks to /usr/bin/chromedriver, the driver Debian builds with its Chromium, so
the two always match and nothing is downloaded at test time (`make test` and `.ci/run`
install both packages when they are missing, and axe-core from npm).
"""

import os
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from .browsing import AXE_SCRIPT, SCREENSHOTS, Browser

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_ARGUMENTS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=sv-SE",
    "--window-size=1280,900",
]


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session; each test starts with no cookies."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if missing:
        pytest.fail(
            f"Browser tests need {', '.join(missing)}: `apt-get install -y chromium chromium-driver` "
            "(make test installs them)."
        )
    if not AXE_SCRIPT.exists():
        pytest.fail(f"Browser tests need axe-core at {AXE_SCRIPT}: `make browser-deps` installs it from npm.")
    options = Options()
    options.binary_location = CHROMIUM
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "sv-SE,sv"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so the browser fixture knows whether it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def browser(chromium, live_server, request):
    """The site on a live server with this test's data, and a screenshot folder named after the test.

    A failing test leaves a last screenshot, `failure.png`, of the page it failed on."""
    chromium.delete_all_cookies()
    chromium.set_window_size(1280, 900)
    folder = SCREENSHOTS / request.node.name.replace("[", "-").replace("]", "")
    for old in folder.glob("*.png"):
        old.unlink()
    browser = Browser(driver=chromium, base_url=live_server.url, screenshot_dir=folder)
    yield browser
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder.mkdir(parents=True, exist_ok=True)
        chromium.save_screenshot(str(folder / "failure.png"))


@pytest.fixture
def demo(transactional_db, django_db_serialized_rollback):
    """The demo site as `make run` serves it: the five seed documents imported, a user per role.

    Browser tests read real imported text, and log in with the demo logins the README lists.
    The live server needs committed data, so these tests are transactional; serialized
    rollback restores what migrations created (Wagtail's root page, locale, collection),
    which the flush after each transactional test removes.
    """
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("load_demo_data", stdout=quiet)
