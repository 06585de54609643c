from rhinocc_dash.ingest.hours import from_day_texts, from_osm, parse_day_text


def week(**texts):
    return {day: texts.get(day) for day in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")}


def test_french_day_texts_become_osm():
    hours = from_day_texts(
        week(Mo="Fermé", Tu="14h-18h", We="10h-12h30 / 14h-18h", Fr="14h-18h", Sa="10h-13h")
    )
    assert hours.osm == "Tu,Fr 14:00-18:00; We 10:00-12:30,14:00-18:00; Sa 10:00-13:00"
    assert hours.status == "ok" and hours.open_saturday and not hours.open_after_18


def test_france_services_style_and_day_ranges():
    same = "09:00 - 12:00 / 13:30 - 16:30"
    hours = from_day_texts(week(Mo=same, Tu=same, We=same, Th=same, Fr=same))
    assert hours.osm == "Mo-Fr 09:00-12:00,13:30-16:30"
    assert hours.open_saturday is False


def test_wordy_ranges():
    assert parse_day_text("de 09h00 à 12h30 de 13h30 à 17h00") == ([(540, 750), (810, 1020)], False)
    assert parse_day_text("9 h - 12 h et 14 h - 18 h 00") == ([(540, 720), (840, 1080)], False)
    assert parse_day_text("9 h 00 à 19 h 00 (prendre RDV)")[1] is True


def test_evening_and_sunday_flags():
    hours = from_osm("Mo-Fr 09:00-19:30; Su 10:00-12:00")
    assert hours.open_after_18 and hours.open_sunday and not hours.open_saturday


def test_unparseable_kept_with_status():
    hours = from_day_texts(week(Mo="sur rendez-vous"))
    assert (
        hours.osm is None and hours.status == "unparsed" and hours.original == "Mo sur rendez-vous"
    )
    assert from_osm("n'importe quoi").status == "unparsed"
    assert from_day_texts(week()).status == "missing"


def test_impossible_times_are_not_invented():
    assert parse_day_text("25h-26h") == (None, True)
    assert parse_day_text("18h-9h") == (None, True)
