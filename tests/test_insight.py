"""The sentences a network talks about: conversation starters, chart summaries and patterns across
networks, asserted word for word on a small data set whose figures are known."""

from __future__ import annotations

from generator.analyse.aggregate import aggregate
from generator.analyse.audience import for_audience
from generator.analyse.insight import patterns
from generator.core.language import Language, translations
from generator.core.vocabulary import Audience, Situation, word
from generator.pipeline import read_data
from generator.site.charts import network_charts
from tests.conftest import SCORE_HEADER, write

# At 2026-voorjaar: 1a current 2,4,8,10 (desired 8); 1b current 5,5,6,6 (desired 5); 3b current 3 for
# everyone (desired 7). At 2025-najaar: 1a 5,5,6,6; 1b 7 for everyone; 3b 3 for everyone.
LATEST = {"1a": ([2, 4, 8, 10], 8), "1b": ([5, 5, 6, 6], 5), "3b": ([3, 3, 3, 3], 7)}
PREVIOUS = {"1a": [5, 5, 6, 6], "1b": [7, 7, 7, 7], "3b": [3, 3, 3, 3]}


def small_network(data_dir, name="Net") -> str:
    rows = []
    for code, (values, desired) in LATEST.items():
        for person, value in zip("ABCD", values, strict=False):
            rows.append(f"{name},2026-voorjaar,{person},{code},{value},huidig")
            rows.append(f"{name},2026-voorjaar,{person},{code},{desired},gewenst")
    for code, values in PREVIOUS.items():
        for person, value in zip("ABCD", values, strict=False):
            rows.append(f"{name},2025-najaar,{person},{code},{value},huidig")
    return "\n".join(rows) + "\n"


def figures_of(data_dir, audience=Audience.INTERNAL):
    dataset = read_data(data_dir)
    view = for_audience(dataset, audience)
    return dataset, view, aggregate(view)


def test_conversation_starters_rank_spread_gap_and_movement(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + small_network(data_dir))
    _, _, figures = figures_of(data_dir)
    assert [s.sentence for s in figures.networks[0].starters] == [
        "Over 1a, praktijkintegratie, lopen jullie beelden het verst uiteen: de kruisjes liggen tussen 2,0 en 10,0, "
        "de middelste helft tussen 3,5 en 8,5.",
        "Ook over 1b, duur van de activiteiten, lopen de beelden uiteen: de kruisjes liggen tussen 5,0 en 6,0, "
        "de middelste helft tussen 5,0 en 6,0.",
        "Bij 3b, sterke of zwakke relaties, ligt het gewenste het verst van het huidige: de mediaan is nu 3,0 en gewenst 7,0, "
        "4,0 punten richting 'zwakke relaties'.",
        "Ook bij 1a, praktijkintegratie, verschillen huidig en gewenst: de mediaan is nu 6,0 en gewenst 8,0, "
        "2,0 punten richting 'geïntegreerd in het dagelijkse werk'.",
        "Ook bij 1b, duur van de activiteiten, verschillen huidig en gewenst: de mediaan is nu 5,5 en gewenst 5,0, "
        "0,5 punten richting 'tijdelijk'.",
        "Sinds 2025-najaar verschoof 1b, duur van de activiteiten, het meest: de mediaan ging van 7,0 naar 5,5, richting 'tijdelijk'.",
        "Ook 1a, praktijkintegratie, verschoof: de mediaan ging van 5,5 naar 6,0, richting 'geïntegreerd in het dagelijkse werk'.",
    ]


def test_every_chart_summary_is_made_from_its_data(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + small_network(data_dir))
    write(data_dir, "reflecties.csv", "netwerk,meetmoment,deelnemer,waarde,reflectie,niveau\n"
          "Net,2026-voorjaar,A,direct,Leuk,individueel\nNet,2026-voorjaar,B,toegepast,Nieuwe aanpak,collectief\n")
    write(data_dir, "evaluaties.csv", "netwerk,datum,tops,tips,cijfer\nNet,2026-01-15,Goed,Korter,7\nNet,2026-03-12,Fijn,,8.5\n")
    _dataset, view, figures = figures_of(data_dir)
    charts = network_charts(figures.networks[0], view)
    # One chart of the crosses per dimension with scores; each names the conversation starters of its own indicators.
    assert [dimension.code for dimension, _ in charts.positions] == ["1", "3"]
    assert [chart.description for _, chart in charts.positions] == [
        "1. Praktijk: De kruisjes van 4 deelnemers van Net op 2026-voorjaar, per indicator tussen de twee polen, met de mediaan van de groep. "
        "De beelden lopen het verst uiteen bij 1a (praktijkintegratie) en huidig en gewenst liggen het verst uiteen bij 1a (praktijkintegratie).",
        "3. Verbondenheid: De kruisjes van 4 deelnemers van Net op 2026-voorjaar, per indicator tussen de twee polen, met de mediaan van de groep. "
        "Huidig en gewenst liggen het verst uiteen bij 3b (sterke of zwakke relaties).",
    ]
    assert charts.change.description == (
        "Van 2025-najaar naar 2026-voorjaar schoof de mediaan van Net bij 1 indicator naar rechts, bij 1 naar links en bleef "
        "hij bij 1 (bijna) gelijk. De grootste verschuiving: 1b, van 7,0 naar 5,5."
    )
    assert charts.participation.description == "Deelnemers van Net met scores: 4 op 2025-najaar en 4 op 2026-voorjaar."
    assert charts.cycles.description == (
        "Net heeft 2 reflecties in 2 van de 5 cycli van waardecreatie. Nog niet bereikt: potentiële waarde, gerealiseerde waarde, "
        "transformatieve waarde."
    )
    assert charts.meetings.description == "2 bijeenkomsten van Net kregen gemiddeld tussen 7,0 (15-01-2026) en 8,5 (12-03-2026)."
    assert charts.paths.description == (
        "Per indicator het pad van elk van de 4 deelnemers van Net die tussen 2025-najaar en 2026-voorjaar kruisjes zetten, met de "
        "mediaan van de groep; kies de indicator boven de grafiek."
    )


def test_the_paths_count_who_scored_and_say_how_many_of_them_scored_last(data_dir):
    """Seven of eleven at the latest moment: not 'van 11 deelnemers' as if all eleven answered then."""
    rows = [f"Net,2025-najaar,P{n},1a,5,huidig" for n in range(11)] + [f"Net,2026-voorjaar,P{n},1a,6,huidig" for n in range(7)]
    write(data_dir, "scores.csv", SCORE_HEADER + "\n".join(rows) + "\n")
    _dataset, view, figures = figures_of(data_dir)
    charts = network_charts(figures.networks[0], view)
    assert charts.positions[0][1].description.startswith("1. Praktijk: De kruisjes van 7 deelnemers van Net op 2026-voorjaar,")
    assert charts.paths.description == (
        "Per indicator het pad van elk van de 11 deelnemers van Net die tussen 2025-najaar en 2026-voorjaar kruisjes zetten, met de "
        "mediaan van de groep; kies de indicator boven de grafiek. Op 2026-voorjaar zetten 7 van hen kruisjes."
    )
    english = network_charts(figures.networks[0], view, translations(Language.ENGLISH))
    assert english.paths.description.endswith("choose the indicator above the chart. In spring 2026, 7 of them put crosses.")


def test_public_summaries_name_no_individual_spread(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + small_network(data_dir))
    write(data_dir, "netwerkspiegel.toml", "[publiek]\nminimale_groep = 4\n")
    _dataset, view, figures = figures_of(data_dir, Audience.PUBLIC)
    charts = network_charts(figures.networks[0], view)
    assert charts.positions[-1][1].description == (
        "3. Verbondenheid: De mediaan van Net op 2026-voorjaar per indicator, huidig en gewenst. Huidig en gewenst liggen het verst uiteen bij 3b "
        "(sterke of zwakke relaties)."
    )
    rows = [row for _, chart in charts.positions for row in chart.rows]
    assert not [row for row in rows if row["soort"] == "kruis"] and charts.paths is None
    assert {row["situatie"] for row in rows if "situatie" in row} == {word(Situation.CURRENT), word(Situation.DESIRED)}


def test_patterns_across_networks(data_dir):
    write(data_dir, "scores.csv", SCORE_HEADER + small_network(data_dir, "Een") + small_network(data_dir, "Twee")
          + "Drie,2026-voorjaar,E,3b,2,huidig\n")
    write(data_dir, "reflecties.csv", "netwerk,meetmoment,deelnemer,waarde,reflectie\n"
          "Een,2026-voorjaar,A,direct,Leuk\nTwee,2026-voorjaar,A,direct,Fijn\nTwee,2026-voorjaar,B,potentieel,Contacten\n")
    dataset, _view, figures = figures_of(data_dir)
    assert patterns(dataset.framework, dataset.settings, figures.networks) == (
        "Praktijk (1a, 1b) schoof in 2 van de 2 netwerken naar links sinds hun vorige meetmoment, gemiddeld −0,5 per indicator.",
        "Bij 3b (sterke of zwakke relaties) staan alle 3 netwerken aan de kant van 'sterke relaties': de mediaan ligt tussen 2,0 en 3,0.",
        "Potentiële waarde is in 1 van de 2 netwerken met reflecties bereikt.",
        "Toegepaste waarde is in 0 van de 2 netwerken met reflecties bereikt.",
        "Gerealiseerde waarde is in 0 van de 2 netwerken met reflecties bereikt.",
        "Transformatieve waarde is in 0 van de 2 netwerken met reflecties bereikt.",
    )
