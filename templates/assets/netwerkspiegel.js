// Draws every chart of a page with vega-embed (from the site's own vega bundle, never a CDN).
// Material's instant navigation swaps pages without reloading scripts, so charts are drawn on each
// emission of its `document$` observable, and again when the reader switches light/dark mode.
// A classic script in its own scope (not a module): it must also run from file://, where
// browsers refuse module scripts.
(() => {
"use strict";
// The site's language (assets/taal.js, written by Netwerkspiegel): its number notation and the
// texts below; a text it lacks stays Dutch.
const LANGUAGE = window.netwerkspiegelLanguage || { decimal: ",", thousands: ".", texts: {} };
const text = (dutch) => LANGUAGE.texts[dutch] || dutch;
const NUMBERS = { decimal: LANGUAGE.decimal, thousands: LANGUAGE.thousands, grouping: [3], currency: ["€\u00a0", ""] };
const ACTIONS = { export: true, source: false, compiled: false, editor: false };
const ACTION_TEXTS = {
  SVG_ACTION: text("Opslaan als SVG"),
  PNG_ACTION: text("Opslaan als PNG"),
  CLICK_TO_VIEW_ACTIONS: text("Klik voor acties"),
};

// The site's root, from this script's own address (…/assets/netwerkspiegel.js): a chart's data file
// is named from the root, so it is found from any page, also after instant navigation and on disk.
const ROOT = (document.currentScript && document.currentScript.src || "").replace(/assets\/netwerkspiegel\.js(?:[?#].*)?$/, "");
const KINDS = window.netwerkspiegelKinds || {};
const loading = new Map();

// A page's chart data is a classic script (a page opened from disk may load scripts, not fetch
// files); each is loaded once, when a page that shows its charts is opened.
function loadData(source) {
  if (!loading.has(source)) {
    loading.set(source, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = ROOT + source;
      script.onload = resolve;
      script.onerror = () => reject(new Error("niet geladen: " + source));
      document.head.appendChild(script);
    }));
  }
  return loading.get(source);
}

// The chart's Vega-Lite specification: its kind's template with its own rows and description.
async function specOf(container) {
  await loadData(container.dataset.src);
  const entry = (window.netwerkspiegelCharts || {})[container.dataset.chart];
  if (!entry || !KINDS[entry.template]) throw new Error("geen gegevens voor grafiek " + container.dataset.chart);
  const spec = JSON.parse(JSON.stringify(KINDS[entry.template]));
  // The data comes as columns (field names once, then each row's values): made into rows again,
  // each with only the fields it has.
  const fields = entry.chart.fields;
  spec.datasets = {
    rows: entry.chart.values.map((values) => {
      const row = {};
      values.forEach((value, index) => { if (value !== null) row[fields[index]] = value; });
      return row;
    }),
  };
  spec.description = entry.chart.description;
  return spec;
}

function darkMode() {
  return document.body.getAttribute("data-md-color-scheme") === "slate";
}

function textColour() {
  return getComputedStyle(document.body).getPropertyValue("--md-typeset-color").trim() || undefined;
}

// A chart's state is in `data-rendered`: "pending" while it is drawn, then "true", or "error" when
// drawing failed (then the static SVG below it is shown instead).
async function drawChart(container) {
  if (!container.dataset.chart) return;
  container.dataset.rendered = "pending";
  container.setAttribute("aria-busy", "true");
  let canvas = container.querySelector(".ns-chart-canvas");
  if (!canvas) {
    canvas = document.createElement("div");
    canvas.className = "ns-chart-canvas";
    container.appendChild(canvas);
  }
  const options = {
    renderer: "svg",
    actions: ACTIONS,
    i18n: ACTION_TEXTS,
    formatLocale: NUMBERS,
    config: { background: null },
  };
  if (darkMode()) {
    // Text drawn in the chart (indicator names, poles, legends) follows Material's text colour.
    const text = textColour();
    options.theme = "dark";
    options.config = {
      background: null,
      text: { color: text },
      axis: { labelColor: text, titleColor: text },
      legend: { labelColor: text, titleColor: text },
    };
  }
  // The previous drawing's view and listeners are released before a new one is made.
  if (container._nsEmbed) {
    container._nsEmbed.finalize();
    container._nsEmbed = null;
  }
  try {
    const spec = await specOf(container);
    const result = await window.vegaEmbed(canvas, spec, options);
    container._nsEmbed = result;
    // The figure is named by its container (aria-label) and told by its summary and table; the
    // drawing itself, hundreds of unnamed marks, stays out of the accessibility tree.
    const drawing = canvas.querySelector(".chart-wrapper") || canvas.querySelector("svg");
    if (drawing) drawing.setAttribute("aria-hidden", "true");
    const summary = canvas.querySelector("details > summary");
    if (summary) summary.setAttribute("aria-label", text("Grafiek opslaan"));
    container.dataset.rendered = "true";
  } catch (error) {
    container.dataset.rendered = "error";
    canvas.textContent = "";
    const staticImage = container.nextElementSibling && container.nextElementSibling.querySelector("img.ns-static");
    if (staticImage) staticImage.classList.add("ns-shown");
    console.error("Netwerkspiegel: grafiek niet getekend", error);
  } finally {
    container.removeAttribute("aria-busy");
  }
}

// Material's search dialog gets an accessible name (set here rather than in a copied partial,
// so that the theme needs no overrides).
function nameSearchDialog() {
  const dialog = document.querySelector(".md-search[data-md-component='search']");
  if (dialog && !dialog.getAttribute("aria-label")) {
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-label", text("Zoeken"));
  }
}

// Wide tables scroll sideways inside Material's wrapper: make it reachable by keyboard.
function labelScrollingTables() {
  for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", text("Tabel"));
  }
}

// The presentation view of a network page, for the meeting itself: one part per screen (the title
// with the network's picture, then each section from its heading to the next: the crosses of each
// dimension, the change, the agreements, …), large, moved with the arrow keys (or the buttons),
// ended with Esc. Nothing is moved or copied: the other parts are hidden.
let presentation = null;

function slidesOf(article) {
  const slides = [[]];
  for (const child of Array.from(article.children)) {
    if (child.matches(".ns-present-start, .ns-present-bar")) continue;
    // A section, and within one each part that opens with its chart (each dimension's crosses); a
    // section's introduction stays with its first chart.
    const charted = child.tagName === "H3" && child.nextElementSibling && child.nextElementSibling.classList.contains("ns-chart");
    const current = slides[slides.length - 1];
    if (child.tagName === "H2" || (charted && current.some((element) => element.classList.contains("ns-chart")))) slides.push([]);
    slides[slides.length - 1].push(child);
  }
  return slides.filter((slide) => slide.length > 0);
}

function showSlide(index) {
  const { slides, bar } = presentation;
  presentation.index = Math.max(0, Math.min(index, slides.length - 1));
  slides.forEach((slide, number) => slide.forEach((element) => element.classList.toggle("ns-slide-hidden", number !== presentation.index)));
  bar.querySelector(".ns-present-count").textContent = (presentation.index + 1) + " / " + slides.length;
  window.scrollTo(0, 0);
  // Charts that were hidden take their width now.
  window.dispatchEvent(new Event("resize"));
}

function stopPresenting() {
  if (!presentation) return;
  const hadFocus = presentation.bar.contains(document.activeElement);
  presentation.slides.flat().forEach((element) => element.classList.remove("ns-slide-hidden"));
  presentation.bar.remove();
  document.removeEventListener("keydown", presentation.keys);
  document.documentElement.classList.remove("ns-presenting");
  presentation = null;
  // Stopped from the bar ("Stoppen"): the keyboard goes on from "Presenteren", not from the page's top.
  const start = document.querySelector(".ns-present-button");
  if (hadFocus && start) start.focus({ preventScroll: true });
  window.dispatchEvent(new Event("resize"));
}

function startPresenting() {
  const article = document.querySelector("article.md-content__inner");
  if (!article || presentation) return;
  const bar = document.createElement("div");
  bar.className = "ns-present-bar";
  bar.setAttribute("role", "toolbar");
  for (const [name, label, step] of [["previous", text("Vorige"), -1], ["next", text("Volgende"), 1]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary ns-present-" + name;
    button.textContent = label;
    button.addEventListener("click", () => showSlide(presentation.index + step));
    bar.appendChild(button);
  }
  const count = document.createElement("span");
  count.className = "ns-present-count";
  count.setAttribute("aria-live", "polite");
  bar.appendChild(count);
  const stop = document.createElement("button");
  stop.type = "button";
  stop.className = "md-button md-button--primary ns-present-stop";
  stop.textContent = text("Stoppen");
  stop.addEventListener("click", stopPresenting);
  bar.appendChild(stop);
  article.appendChild(bar);
  document.addEventListener("keydown", presentationKeys);
  presentation = { slides: slidesOf(article), bar, keys: presentationKeys, index: 0 };
  document.documentElement.classList.add("ns-presenting");
  showSlide(0);
  // The button that started it is hidden now: the keyboard goes on from "Volgende".
  bar.querySelector(".ns-present-next").focus({ preventScroll: true });
}

// What Space and Enter activate themselves when focused (the browser's own click), and where keys
// are typing: there the presentation leaves those keys alone.
const ACTIVATED_BY_SPACE = "button, summary, input, select, textarea, [role='button'], [role='checkbox'], [role='switch'], [role='menuitem'], [contenteditable]:not([contenteditable='false'])";
const ACTIVATED_BY_ENTER = ACTIVATED_BY_SPACE + ", a[href], [role='link']";
const TYPING = "input, select, textarea, [contenteditable]:not([contenteditable='false'])";

// The keys of the presentation. A focused button does what it says: Space or Enter on "Vorige" goes
// back, on "Stoppen" stops (the browser clicks it; handled here too, it would count twice). Space
// elsewhere, the left and right arrow keys and PageUp/PageDown move (Shift+Space back; up and down
// still scroll a part taller than the screen); Home and End go to the first and last part.
function presentationKeys(event) {
  if (!presentation || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  const focused = event.target instanceof Element ? event.target : null;
  if (focused && focused.closest(TYPING)) return;
  if (event.key === " " && focused && focused.closest(ACTIVATED_BY_SPACE)) return;
  if (event.key === "Enter") return;  // only ever a focused control's own activation
  let to = null;
  if (["ArrowRight", "PageDown", " "].includes(event.key) && !event.shiftKey) to = presentation.index + 1;
  else if (event.key === " " && event.shiftKey) to = presentation.index - 1;
  else if (["ArrowLeft", "PageUp"].includes(event.key)) to = presentation.index - 1;
  else if (event.key === "Home") to = 0;
  else if (event.key === "End") to = presentation.slides.length - 1;
  else if (event.key === "Escape") { stopPresenting(); return; }
  if (to === null) return;
  event.preventDefault();
  showSlide(to);
}

function offerPresentation() {
  stopPresenting();  // instant navigation to another page ends a presentation
  for (const button of document.querySelectorAll(".ns-present-button")) {
    button.addEventListener("click", startPresenting);
  }
}

function drawAll() {
  labelScrollingTables();
  nameSearchDialog();
  return Promise.all(Array.from(document.querySelectorAll(".ns-chart")).map(drawChart));
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => { offerPresentation(); drawAll(); });
} else {
  offerPresentation();
  drawAll();
}

new MutationObserver(() => drawAll()).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});
})();
