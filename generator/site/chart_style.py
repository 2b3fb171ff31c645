"""Stage 3, site (chart style): what the chart templates and the chart data agree on: the dataset's
name, the colours and shapes (Okabe–Ito), and the steps between rows and crosses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from generator.core.vocabulary import Situation

DATASET = "rows"
LegendOrient = Literal["top", "bottom", "left", "right"]
Gettext = Callable[[str], str]

# Okabe–Ito colours: distinguishable with every common form of colour blindness. By situation; the
# chart's data and legend name it in the site's language (`huidig`, `current`).
SITUATION_COLOURS = {Situation.CURRENT: "#0072B2", Situation.DESIRED: "#E69F00"}
# One set of symbols on screen and on paper (the questionnaire): now a cross (×, the kruisje),
# desired a ring (○), the network's agreed position (its shared picture) a green diamond (◆).
CROSS_SHAPE = "M-1,-1L1,1M-1,1L1,-1"  # × as an SVG path (Vega's own "cross" is a plus)
SITUATION_SHAPES = {Situation.CURRENT: CROSS_SHAPE, Situation.DESIRED: "circle"}
SHARED_SHAPE = "diamond"
CURRENT_COLOUR = SITUATION_COLOURS[Situation.CURRENT]
SHARED_COLOUR = "#009E73"  # the agreed position: bluish green, apart from both situations for every colour vision
CATEGORY_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
ROW_STEP = 116  # pixels per indicator line: title above, crosses stacked on both sides, poles below
CROSS_STEP = 7  # pixels between crosses at the same position
