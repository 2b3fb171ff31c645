"""End to end, as a reader would: build both audiences from the sample data, serve them on
127.0.0.1, open every page in headless Chromium. Charts must really render, no page may error or
ask another host for anything, and the public site must not show anyone.

Screenshots land in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from generator.core.vocabulary import Audience, word
from generator.pipeline import build, read_data
from generator.site.chart_kinds import rows_of
from tests.browser import chromium, chromium_available, free_port, serve_folder
from tests.conftest import ROOT

# Skipped without Chromium on a developer's machine; in CI (NETWERKSPIEGEL_REQUIRE_BROWSER=1) they run
# regardless, so a missing browser fails instead of passing silently.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not chromium_available() and not os.environ.get("NETWERKSPIEGEL_REQUIRE_BROWSER"),
        reason="Chromium is not installed (apt-get install chromium)",
    ),
]

ARTIFACTS = ROOT / "tests" / "artifacts"
# Every name, e-mail address and code in the sample exports (as the read stage finds them): none may
# appear in either site. Parts of names are tested in test_privacy.py.
SAMPLE_IDENTITIES = sorted(read_data(ROOT / "data").identities)


def page_urls(src: Path) -> list[str]:
    """Every page in the navigation, as a URL path."""
    nav = json.loads((src / ".netwerkspiegel.json").read_text("utf-8"))["nav"]
    paths: list[str] = []

    def walk(items):
        for item in items:
            for value in item.values():
                if isinstance(value, list):
                    walk(value)
                else:
                    paths.append("" if value == "index.md" else value[: -len(".md")] + "/")

    walk(nav)
    return paths


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Both audiences built from the sample data; the intern site for a port known in advance."""
    root = tmp_path_factory.mktemp("e2e")
    port = free_port()
    build(ROOT / "data", root / "src-intern", root / "site-intern", Audience.INTERNAL, site_url=f"http://127.0.0.1:{port}/")
    build(ROOT / "data", root / "src-publiek", root / "site-publiek", Audience.PUBLIC, static_charts=True)  # with static SVGs (--svg)
    ARTIFACTS.mkdir(exist_ok=True)
    return root, port


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def open_page(browser, url: str, **context):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    page = context.new_page()
    problems: list[str] = []
    foreign: list[str] = []
    origin = re.match(r"https?://[^/]+/", url).group(0)
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith((origin, "data:", "blob:")) else None)
    return context, page, problems, foreign


def visit(page, url: str) -> None:
    """Open `url` and wait for the states a reader waits for: the page loaded (its images and
    scripts) and its heading shown; charts are waited for by `wait_for_charts`."""
    page.goto(url, wait_until="load")
    page.wait_for_selector(".md-content h1", state="visible", timeout=15000)


def wait_for_charts(page) -> list[str]:
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.ns-chart')).every(c => ['true', 'error'].includes(c.dataset.rendered))", timeout=15000
    )
    return page.eval_on_selector_all(".ns-chart", "charts => charts.map(c => c.dataset.rendered)")


SERIOUS = ("serious", "critical")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("audience", [Audience.INTERNAL, Audience.PUBLIC])
def test_every_page_renders_its_charts_without_errors_other_hosts_or_accessibility_violations(sites, browser, audience, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    root, _ = sites
    src, site = root / f"src-{word(audience)}", root / f"site-{word(audience)}"
    with serve_folder(site) as base:
        for path in page_urls(src):
            context, page, problems, foreign = open_page(browser, base + path, color_scheme=scheme)
            visit(page, base + path)
            states = wait_for_charts(page)
            assert all(state == "true" for state in states), (path, states)
            for chart in page.query_selector_all(".ns-chart"):
                assert chart.query_selector("svg .mark-symbol, svg .mark-rect, svg .mark-rule, svg .mark-line"), path
            assert problems == [], (path, problems)
            assert foreign == [], (path, foreign)
            text = page.content()
            for identity in SAMPLE_IDENTITIES:
                assert identity.lower() not in text.lower(), (path, identity)
            if audience == Audience.PUBLIC:
                assert "Deelnemer 1" not in text and "Bijeenkomsten" not in text and "Gegevenskwaliteit" not in text
            violations = [
                (v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in axe.run(page).response["violations"] if v["impact"] in SERIOUS
            ]
            assert violations == [], (path, scheme, violations)
            context.close()


def test_network_page_tooltips_use_dutch_numbers_and_survive_instant_navigation(sites, browser):
    root, port = sites
    with serve_folder(root / "site-intern", port) as base:
        context, page, problems, foreign = open_page(browser, base)
        visit(page, base)
        page.evaluate("window.__netwerkspiegelProbe = 1")
        page.click("nav.md-nav--primary a[href$='zelfgestuurd-leren/']")
        page.wait_for_url("**/netwerken/zelfgestuurd-leren/")
        page.wait_for_selector(".ns-chart[data-kind='positions']")  # the new page's content is in (the URL changes first)
        assert wait_for_charts(page) == ["true"] * 10
        # Instant navigation kept the same document: inline scripts did not run again, ours did.
        assert page.evaluate("window.__netwerkspiegelProbe") == 1
        # The last median tick (4d, desired): the agreed cross, drawn on the line, covers no desired median.
        median = page.query_selector_all(".ns-chart[data-kind='positions'] svg .mark-tick path, .ns-chart[data-kind='positions'] svg .mark-rect path")[-1]
        median.hover(force=True)
        tooltip = page.wait_for_selector("#vg-tooltip-element.visible", timeout=5000)
        assert re.search(r"Mediaan\s*\d+,\d", tooltip.inner_text()), tooltip.inner_text()
        page.screenshot(path=str(ARTIFACTS / "netwerk-intern-licht.png"), full_page=True)
        # Switching to dark mode redraws every chart.
        page.click("label[for='__palette_1']")
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        assert wait_for_charts(page) == ["true"] * 10
        page.screenshot(path=str(ARTIFACTS / "netwerk-intern-donker.png"), full_page=True)
        assert problems == [] and foreign == []
        context.close()


def test_the_english_site_draws_every_cross_and_speaks_english(tmp_path, browser):
    """`--taal en`: the crosses, medians and legends are drawn (their situation words are English
    in data and legend alike) and tooltips show English numbers."""
    from generator.core.language import Language

    build(ROOT / "data", tmp_path / "src", tmp_path / "site", Audience.INTERNAL, language=Language.ENGLISH)
    with serve_folder(tmp_path / "site") as base:
        context, page, problems, foreign = open_page(browser, base + "netwerken/zelfgestuurd-leren/")
        visit(page, base + "netwerken/zelfgestuurd-leren/")
        assert wait_for_charts(page) == ["true"] * 10
        charts = page.query_selector_all(".ns-chart[data-kind='positions']")  # one per dimension
        assert len(charts) == 4
        all_crosses = all_agreed = 0
        for chart in charts:
            rows = rows_of(page.evaluate("id => window.netwerkspiegelCharts[id].chart", chart.get_attribute("data-chart")))
            crosses = sum(1 for row in rows if row["soort"] == "kruis")
            medians = sum(1 for row in rows if row["soort"] == "mediaan")
            agreed = sum(1 for row in rows if row["soort"] == "gedeeld")  # the network's shared picture, one green diamond per line
            assert crosses and {row["situatie"] for row in rows if "situatie" in row} == {"current", "desired"}
            assert len(chart.query_selector_all("svg .mark-symbol.role-mark path")) == crosses + agreed
            assert len(chart.query_selector_all("svg .mark-rect path")) >= medians  # ticks (and bands) are drawn as rects
            legend = chart.inner_text() + " ".join(t.text_content() for t in chart.query_selector_all("svg text"))
            assert "current" in legend and "desired" in legend and "huidig" not in legend
            all_crosses, all_agreed = all_crosses + crosses, all_agreed + agreed
        assert all_crosses > 100 and all_agreed == 12
        chart = charts[-1]
        chart.query_selector_all("svg .mark-tick path, svg .mark-rect path")[-1].hover(force=True)
        tooltip = page.wait_for_selector("#vg-tooltip-element.visible", timeout=5000)
        assert re.search(r"Median\s*\d+\.\d", tooltip.inner_text()), tooltip.inner_text()
        page.screenshot(path=str(ARTIFACTS / "network-internal-english.png"), full_page=True)
        assert problems == [] and foreign == []
        context.close()


def test_public_showcase_screenshot(sites, browser):
    root, _ = sites
    with serve_folder(root / "site-publiek") as base:
        context, page, problems, foreign = open_page(browser, base + "verhalen/")
        visit(page, base + "verhalen/")
        assert "Verhalen van waardecreatie" in page.inner_text("h1")
        assert page.locator(".ns-story").count() >= 10
        page.screenshot(path=str(ARTIFACTS / "verhalen-publiek.png"), full_page=True)
        assert problems == [] and foreign == []
        context.close()


PRINTED = """() => ({
    sidebar: getComputedStyle(document.querySelector('.md-sidebar--primary')).display,
    header: getComputedStyle(document.querySelector('.md-header')).display,
    charts: Array.from(document.querySelectorAll('.ns-chart')).map(c => [getComputedStyle(c).display, !!c.querySelector('svg.marks')]),
    images: Array.from(document.querySelectorAll('img.ns-static')).map(i => [getComputedStyle(i).display, i.naturalWidth > 0]),
    breaks: Array.from(document.querySelectorAll('.md-typeset h2')).map(h => getComputedStyle(h).breakBefore),
})"""


def test_printing_a_network_page_gives_a_clean_report_with_its_charts(sites, browser):
    """Printed, a page has no navigation and a new page per section; the drawn charts are printed,
    or, in a site built with static SVGs (--svg, here the public one), those."""
    root, _ = sites
    for folder, drawn in (("site-intern", True), ("site-publiek", False)):
        with serve_folder(root / folder) as base:
            context, page, problems, foreign = open_page(browser, base + "netwerken/zelfgestuurd-leren/")
            visit(page, base + "netwerken/zelfgestuurd-leren/")
            charts = len(wait_for_charts(page))
            page.emulate_media(media="print")
            shown = page.evaluate(PRINTED)
            assert shown["sidebar"] == "none" and shown["header"] == "none"
            assert set(shown["breaks"]) == {"page"}
            if drawn:
                assert charts == 10 and shown["charts"] == [["block", True]] * 10 and shown["images"] == []
                page.pdf(path=str(ARTIFACTS / "netwerk-zelfgestuurd-leren.pdf"), format="A4")
            else:
                assert {display for display, _ in shown["charts"]} == {"none"}
                assert len(shown["images"]) == charts and all(display == "block" and loaded for display, loaded in shown["images"])
            assert problems == [] and foreign == []
            context.close()


def test_a_printed_questionnaire_fits_one_a4_also_with_own_indicators(sites, browser):
    """Every line of the questionnaire on the first A4, the questions for a form on the second:
    for the eleven (Onderzoekend leren) and with an own indicator (Hoogbegaafdheid, Zelfgestuurd leren)."""
    root, _ = sites
    with serve_folder(root / "site-intern") as base:
        for slug, lines in (("onderzoekend-leren", 11), ("hoogbegaafdheid", 12), ("zelfgestuurd-leren", 12)):
            context, page, problems, foreign = open_page(browser, base + f"vragenlijsten/{slug}/")
            visit(page, base + f"vragenlijsten/{slug}/")
            assert page.locator(".ns-q-line").count() == lines
            pdf = page.pdf(format="A4")
            assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2, slug
            if slug == "hoogbegaafdheid":
                (ARTIFACTS / "vragenlijst-hoogbegaafdheid.pdf").write_bytes(pdf)
            assert problems == [] and foreign == []
            context.close()


def test_without_javascript_every_chart_is_told_in_words_or_a_static_image(sites, browser):
    """A reader without JavaScript gets every chart's summary in words (and its table); in a site
    built with --svg (the public one here) also its static image."""
    root, _ = sites
    for folder in ("site-intern", "site-publiek"):
        with serve_folder(root / folder) as base:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            visit(page, base + "netwerken/onderzoekend-leren/")
            charts = page.locator(".ns-chart").count()
            summaries = page.eval_on_selector_all(".ns-chart ~ p.ns-summary", "ps => ps.map(p => p.innerText.length > 20)")
            assert charts >= 4 and len(summaries) == charts and all(summaries)
            images = page.eval_on_selector_all("img.ns-static", "imgs => imgs.map(i => [i.naturalWidth > 0, i.alt.length > 20])")
            if folder == "site-publiek":
                assert len(images) == charts and all(loaded and described for loaded, described in images)
            else:
                assert images == []
            context.close()


def test_screenshots_light_dark_desktop_phone(sites, browser):
    """For a person to look at: the network page, the coaches' overview and the showcase."""
    root, port = sites
    shots = [("site-intern", "netwerken/zelfgestuurd-leren/", "netwerk"), ("site-intern", "overzicht/", "overzicht"),
             ("site-publiek", "verhalen/", "verhalen")]
    for folder, path, name in shots:
        with serve_folder(root / folder, port if folder == "site-intern" else 0) as base:
            for scheme in ("light", "dark"):
                for width, device in ((1280, "desktop"), (390, "telefoon")):
                    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                    page = context.new_page()
                    visit(page, base + path)
                    assert set(wait_for_charts(page)) <= {"true"}, (path, scheme, device)
                    # Nothing is wider than the screen (a table scrolls within its own box).
                    assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, scheme, device)
                    # A table wider than its box shows a shadow at the edge where more of it is hidden.
                    wide = page.evaluate("() => Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))"
                                         ".filter(box => box.scrollWidth > box.clientWidth + 1).map(box => getComputedStyle(box).backgroundImage)")
                    assert wide or (device, name) != ("telefoon", "netwerk")
                    assert all(image.count("gradient(") == 4 for image in wide), (path, scheme, device)
                    page.screenshot(path=str(ARTIFACTS / f"{name}-{scheme}-{device}.png"), full_page=True)
                    context.close()


def test_the_networks_picture_comes_first_and_fits_the_first_screen(sites, browser):
    """At 1280×800 the title and the whole picture (every indicator) are on the first screen, drawn;
    at 390×844 too, the lines as wide as the screen allows. Screenshots of both first screens."""
    root, port = sites
    with serve_folder(root / "site-intern", port) as base:
        for width, height, device in ((1280, 800, "desktop"), (390, 844, "telefoon")):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            visit(page, base + "netwerken/zelfgestuurd-leren/")
            wait_for_charts(page)
            picture = page.query_selector(".ns-chart[data-kind='picture']")
            assert picture.get_attribute("data-rendered") == "true"
            box = picture.bounding_box()
            assert box["y"] + box["height"] <= height, (device, box)
            first = page.evaluate("() => document.querySelector('.md-typeset .ns-chart').dataset.kind")
            assert first == "picture"
            labels = [t.text_content() for t in picture.query_selector_all("svg .role-axis-label text")]
            assert [label.split(" ")[0] for label in labels if label[:1].isdigit() and not label.isdigit()] == [
                "1a", "1b", "1e", "2a", "2b", "3a", "3b", "3c", "4a", "4b", "4c", "4d"], labels
            page.screenshot(path=str(ARTIFACTS / f"netwerk-beeld-{device}.png"))
            # Above the picture, beside Presenteren: the network's report, served as a PDF.
            link = page.query_selector(".ns-present-start a.md-button")
            assert link.text_content() == "Rapport als PDF" and link.is_visible()
            report = page.request.get(link.evaluate("a => a.href"))
            assert report.status == 200 and report.body().startswith(b"%PDF-")
            context.close()


def test_the_presentation_view_shows_one_part_per_screen(sites, browser):
    """Presenteren: the title and the picture first, then one part per screen (each dimension's
    crosses its own), moved with the arrow keys and the buttons, ended with Esc; offline like the
    rest of the site. Screenshots of the first parts at 1280×800 and 390×844."""
    root, port = sites
    with serve_folder(root / "site-intern", port) as base:
        for width, height, device in ((1280, 800, "desktop"), (390, 844, "telefoon")):
            context, page, problems, foreign = open_page(browser, base + "netwerken/zelfgestuurd-leren/")
            page.set_viewport_size({"width": width, "height": height})
            visit(page, base + "netwerken/zelfgestuurd-leren/")
            wait_for_charts(page)
            visible = "sel => Array.from(document.querySelectorAll(sel)).filter(e => e.offsetParent !== null).map(e => e.textContent.trim())"
            page.click(".ns-present-button")
            assert page.evaluate("document.documentElement.classList.contains('ns-presenting')")
            assert page.evaluate(visible, "h2") == [] and page.evaluate(visible, ".ns-present-count") == ["1 / 13"]
            assert page.query_selector(".ns-chart[data-kind='picture']").is_visible() and not page.query_selector(".md-header").is_visible()
            page.screenshot(path=str(ARTIFACTS / f"presentatie-1-{device}.png"))
            page.keyboard.press("ArrowRight")
            assert [h.rstrip("¶") for h in page.evaluate(visible, "h2")] == ["Om over te praten"]
            page.keyboard.press("ArrowRight")
            assert [h.rstrip("¶") for h in page.evaluate(visible, "h3")] == ["1. Praktijk"]
            assert [c.get_attribute("data-rendered") for c in page.query_selector_all(".ns-chart[data-kind='positions']") if c.is_visible()] == ["true"]
            page.screenshot(path=str(ARTIFACTS / f"presentatie-3-{device}.png"))
            page.click(".ns-present-next")
            assert [h.rstrip("¶") for h in page.evaluate(visible, "h3")] == ["2. Domein en waardecreatie"]
            page.keyboard.press("ArrowLeft")
            page.keyboard.press("ArrowLeft")
            assert [h.rstrip("¶") for h in page.evaluate(visible, "h2")] == ["Om over te praten"]
            page.keyboard.press("Escape")
            assert not page.evaluate("document.documentElement.classList.contains('ns-presenting')")
            assert len(page.evaluate(visible, "h2")) > 5 and page.query_selector(".md-header").is_visible()
            assert problems == [] and foreign == []
            context.close()
