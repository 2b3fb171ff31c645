"""Presenteren, by keyboard, in headless Chromium: a focused button does what it says (Space or
Enter on "Vorige" goes back, on "Stoppen" stops, on "Volgende" moves one part: once), the arrow
keys and PageUp/PageDown move wherever the focus is, Space with nothing focused moves on."""

from __future__ import annotations

import os

import pytest

from generator.core.store import Store
from generator.core.vocabulary import Audience
from generator.pipeline import build
from tests.browser import chromium, chromium_available, serve_folder
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available() and not os.environ.get("NETWERKSPIEGEL_REQUIRE_BROWSER"),
                       reason="Chromium is not installed (apt-get install chromium)"),
]

GOLDEN_DATA = ROOT / "tests" / "golden" / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("presenteren")
    build(GOLDEN_DATA, root / "md", root / "site", Audience.INTERNAL, reports=False, store=Store(None))
    return root / "site"


def test_keys_do_what_the_focused_button_says(site):
    with serve_folder(site) as base, chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(base + "netwerken/wereldorientatie/", wait_until="load")
        page.wait_for_selector(".ns-present-button", state="visible")

        def part() -> int:
            return int(page.text_content(".ns-present-count").split(" / ")[0])

        def focused() -> str:
            return page.evaluate("document.activeElement.className")

        def presenting() -> bool:
            return page.evaluate("document.documentElement.classList.contains('ns-presenting')")

        page.focus(".ns-present-button")
        page.keyboard.press("Enter")  # Presenteren by keyboard
        assert presenting() and part() == 1
        total = int(page.text_content(".ns-present-count").split(" / ")[1])
        assert total >= 5
        assert "ns-present-next" in focused()  # the keyboard goes on from "Volgende"
        page.keyboard.press("Space")
        assert part() == 2  # Space on "Volgende": one part on, not two
        page.keyboard.press("Enter")
        assert part() == 3
        page.keyboard.press("ArrowRight")
        page.keyboard.press("PageDown")
        assert part() == 5
        page.focus(".ns-present-previous")
        page.keyboard.press("Space")
        assert part() == 4  # Space on "Vorige" goes back
        page.keyboard.press("Enter")
        assert part() == 3  # and so does Enter
        page.keyboard.press("ArrowRight")  # the arrows move wherever the focus is
        assert part() == 4
        page.keyboard.press("PageUp")
        page.keyboard.press("ArrowLeft")
        assert part() == 2
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("Space")  # nothing focused: Space moves on
        assert part() == 3
        page.keyboard.press("Shift+Space")
        assert part() == 2
        page.keyboard.press("End")
        assert part() == total
        page.keyboard.press("Home")
        assert part() == 1
        page.focus(".ns-present-stop")
        page.keyboard.press("Space")  # Space on "Stoppen" stops
        assert not presenting() and page.query_selector(".ns-present-bar") is None
        assert "ns-present-button" in focused()  # back on Presenteren
        page.keyboard.press("Space")  # which Space starts again
        assert presenting() and part() == 1
        page.keyboard.press("ArrowRight")
        page.focus(".ns-present-stop")
        page.keyboard.press("Enter")  # Enter on "Stoppen" stops too
        assert not presenting()
        page.keyboard.press("ArrowRight")  # and the keys are the page's own again
        assert not presenting() and problems == []
        context.close()
