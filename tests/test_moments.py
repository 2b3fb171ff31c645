from generator.core.moments import parse_moment


def test_moments_sort_in_time_not_alphabetically():
    labels = ["2026-voorjaar", "najaar 2025", "2025-voorjaar", "24-11-2026", "2025-03-14", "Herfst 2024"]
    ordered = sorted(parse_moment(label) for label in labels)
    assert [m.label for m in ordered] == ["2024-najaar", "2025-03-14", "2025-voorjaar", "2025-najaar", "2026-voorjaar", "2026-11-24"]


def test_spellings_of_one_moment_are_the_same_moment():
    assert parse_moment("najaar 2025") == parse_moment("2025-najaar") == parse_moment("2025 Najaar") == parse_moment("autumn-2025")


def test_unknown_and_impossible_moments():
    assert parse_moment("ooit") is None
    assert parse_moment("31-02-2025") is None
    assert parse_moment("2025") is None
