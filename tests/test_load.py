"""Loader: positions, YAML 1.2 scalars, duplicate keys and every kind of broken file."""

from pathlib import Path

from site_build.content.load import load_yaml
from site_build.core.problems import Problem


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "x.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    problems: list[Problem] = []
    return load_yaml(path, "x.yml", problems), problems


def test_positions_of_keys_and_values(tmp_path):
    loaded, problems = load(tmp_path, "a: 1\nb:\n  - c: tekst\n    d: [x, y]\n")
    assert problems == []
    assert loaded.data == {"a": 1, "b": [{"c": "tekst", "d": ["x", "y"]}]}
    assert loaded.where(("b", 0, "c")) == (3, 8)
    assert loaded.where(("b", 0, "c"), key=True) == (3, 5)
    assert loaded.where(("b", 0, "d", 1)) == (4, 12)
    assert loaded.where(("b", 0, "missing")) == (3, 5)  # falls back to the parent


def test_dutch_words_stay_text(tmp_path):
    loaded, problems = load(tmp_path, "a: nee\nb: ja\nc: no\nd: on\ne: off\nf: yes\ng: true\nh: False\ni: '12'\nj: 12\nk: 1.5\nl: ~\n")
    assert problems == []
    assert loaded.data == {"a": "nee", "b": "ja", "c": "no", "d": "on", "e": "off", "f": "yes", "g": True,
                           "h": False, "i": "12", "j": 12, "k": 1.5, "l": None}


def test_dates_stay_text(tmp_path):
    loaded, _ = load(tmp_path, "datum: 2027-09-06\n")
    assert loaded.data == {"datum": "2027-09-06"}


def test_duplicate_key_is_an_error_with_both_lines(tmp_path):
    loaded, problems = load(tmp_path, "titel: een\nkort: x\ntitel: twee\n")
    assert loaded is None
    assert [str(p) for p in problems] == [
        "x.yml:3:1: het veld 'titel' staat hier voor de tweede keer (eerst op regel 1); YAML zou de eerste "
        "waarde stilletjes weggooien. Voeg de twee samen of verwijder er één"]


def test_nested_duplicate_keys_all_reported(tmp_path):
    _, problems = load(tmp_path, "a:\n  x: 1\n  x: 2\nb:\n  - y: 1\n    y: 2\n")
    assert [(p.line, p.col) for p in problems] == [(3, 3), (6, 5)]


def test_empty_file(tmp_path):
    for text in ("", "\n\n", "# alleen commentaar\n", "---\n"):
        loaded, problems = load(tmp_path, text)
        assert loaded is None
        assert [str(p) for p in problems] == [
            "x.yml:1:1: het bestand is leeg; vul het in (kijk naar een ander bestand in dezelfde map als voorbeeld) "
            "of verwijder het"]


def test_binary_file(tmp_path):
    loaded, problems = load(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert loaded is None
    assert problems[0].message.startswith("dit is geen tekstbestand")


def test_not_utf8_names_the_line(tmp_path):
    loaded, problems = load(tmp_path, "a: goed\nb: caf\xe9\n".encode("latin-1"))
    assert loaded is None
    assert (problems[0].line, problems[0].col) == (2, 7)
    assert "UTF-8" in problems[0].message


def test_syntax_error_has_position_and_dutch_hint(tmp_path):
    loaded, problems = load(tmp_path, "titel: Vraag: wat zie je?\n")
    assert loaded is None
    assert str(problems[0]) == ("x.yml:1:13: YAML-fout: hier staat een dubbele punt die YAML niet verwacht. "
                                "Staat er een ':' in een tekst? Zet de hele tekst dan tussen aanhalingstekens")


def test_tab_indentation(tmp_path):
    _, problems = load(tmp_path, "a:\n\tb: 1\n")
    assert problems[0].line == 2
    assert "tab" in problems[0].message


def test_alias_bomb_is_stopped(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join('*' + chr(96 + i) for _ in range(10))}]")
    loaded, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert loaded is None
    assert "te veel verwijzingen" in problems[0].message


def test_two_documents(tmp_path):
    _, problems = load(tmp_path, "a: 1\n---\nb: 2\n")
    assert problems[0].line == 3
    assert "meer dan één YAML-document" in problems[0].message


def test_python_tags_are_refused(tmp_path):
    _, problems = load(tmp_path, "a: !!python/object/apply:os.system ['echo hoi']\n")
    assert problems and "tag" in problems[0].message
