"""A thin, typed wrapper over a Chromium WebDriver for journey tests.

Each journey step is a visit or an action followed by `shot(name)`, which saves a
screenshot under `tests/browser/screenshots/<test>/`, so a failing journey leaves a
picture of every step up to the failure. `axe()` runs axe-core in the page and returns
the violations of the impact levels asked for.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

SCREENSHOTS = Path(__file__).parent / "screenshots"
AXE_SCRIPT = Path(__file__).parent / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
# Generous: CI runs the suite on two shared cores.
WAIT_SECONDS = 30


@dataclass(frozen=True)
class AxeViolation:
    """One axe-core rule broken on a page, with the elements that break it."""

    rule: str
    impact: str
    help: str
    targets: list[str]

    def __str__(self) -> str:
        return f"{self.impact}: {self.rule} ({self.help}) at {', '.join(self.targets[:5])}"


@dataclass
class Browser:
    """One test's view of the shared Chromium: the live server's address and a screenshot folder."""

    driver: WebDriver
    base_url: str
    screenshot_dir: Path
    _step: int = field(default=0)

    def visit(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    @property
    def path(self) -> str:
        return self.driver.current_url.removeprefix(self.base_url)

    def shot(self, name: str) -> Path:
        """Save a screenshot of the whole current page as the next numbered journey step."""
        self._step += 1
        self.screenshot_dir.mkdir(parents=True, exist_ok=True)
        target = self.screenshot_dir / f"{self._step:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        width = self.driver.get_window_size()["width"]
        self.driver.set_window_size(width, max(900, min(int(height) + 120, 6000)))
        self.driver.save_screenshot(str(target))
        return target

    def text(self, css: str = "body") -> str:
        return self.find(css).text

    def find(self, css: str) -> WebElement:
        return WebDriverWait(self.driver, WAIT_SECONDS).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
        )

    def find_all(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def link(self, text: str) -> WebElement:
        """The first visible link whose text contains `text`."""
        return WebDriverWait(self.driver, WAIT_SECONDS).until(
            expected_conditions.element_to_be_clickable((By.PARTIAL_LINK_TEXT, text))
        )

    def fill(self, css: str, value: str) -> None:
        element = self.find(css)
        element.clear()
        element.send_keys(value)

    def submit(self, css: str) -> None:
        """Click a submit control and wait for the next page (Viewflow's Turbo swaps only <body>)."""
        old_page = self.find("body")
        self.click(self.find(css))
        self.wait_until_stale(old_page)

    def wait_until_stale(self, element: WebElement) -> None:
        """Wait until a page's element is gone, i.e. the next page has replaced it."""
        WebDriverWait(self.driver, WAIT_SECONDS).until(expected_conditions.staleness_of(element))

    def click(self, element: WebElement) -> None:
        """Click like a user; if a sticky bar (Wagtail's editor footer) covers it, click it in the page."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        try:
            element.click()
        except ElementClickInterceptedException:
            self.driver.execute_script("arguments[0].click();", element)

    def wait_for_text(self, text: str, css: str = "body") -> None:
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, css), text)
        )

    def log_in(self, username: str, password: str) -> None:
        """Log in through the site's real login form (Wagtail's admin login)."""
        self.visit("/admin/login/")
        self.fill("input[name=username]", username)
        self.fill("input[name=password]", password)
        self.submit("button[type=submit]")

    def log_out(self) -> None:
        self.driver.delete_all_cookies()

    def axe(self, impacts: tuple[str, ...] = ("serious", "critical")) -> list[AxeViolation]:
        """Run axe-core on the current page; the violations with the given impact levels."""
        self.driver.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));"
        )
        violations = json.loads(result)
        if isinstance(violations, dict):
            raise RuntimeError(f"axe-core failed: {violations['error']}")
        return [
            AxeViolation(
                rule=v["id"],
                impact=v["impact"],
                help=v["help"],
                targets=[" ".join(map(str, node["target"])) for node in v["nodes"]],
            )
            for v in violations
            if v["impact"] in impacts
        ]
