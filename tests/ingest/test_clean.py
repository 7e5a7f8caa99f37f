import pytest

from crosscheck.ingest.clean import DecodeError, clean_text, decode_bytes, repair_text, repair_thai_mojibake

# UTF-8 bytes shown through WHATWG windows-874 (cp874 letters, windows-1252 punctuation).
_MISREAD = {b: (bytes([b]).decode("cp1252") if b < 0xA0 else bytes([b]).decode("cp874")) for b in range(0x80, 0x100)
            if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) and b not in (0xDB, 0xDC, 0xDD, 0xDE, 0xFC, 0xFD, 0xFE, 0xFF)}


def misread_as_thai(text: str) -> str:
    """What a reader shows for UTF-8 ``text`` decoded as windows-874; undefined bytes are lost."""
    return "".join(chr(b) if b < 0x80 else _MISREAD.get(b, "") for b in text.encode("utf-8"))


def test_decode_utf8_bom_and_cp1252():
    assert decode_bytes("café “x”".encode("utf-8")) == "café “x”"
    assert decode_bytes(b"\xef\xbb\xbfhello") == "hello"
    assert decode_bytes("it’s — done".encode("cp1252")) == "it’s — done"
    assert decode_bytes("hi".encode("utf-16")) == "hi"


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty file"), (b"  \n\n", "empty file"), (b"abc\x00def", "binary"), (b"ok \x81\x8d bytes", "cannot decode")],
)
def test_decode_errors(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_thai_mojibake_seed_003(seed_texts):
    fixed = repair_text(seed_texts["003"])
    assert "โ€" not in fixed
    assert "WASHINGTON (AP) — U.S. Immigration" in fixed
    assert "“Right now, we can’t do more than those cities,” he said." in fixed
    assert "officials,” Lechleitner said." in fixed  # the lost 0x9D byte of a closing quote


def test_thai_mojibake_is_generic():
    original = "“Cafe prices rose 5% — to €3,” she said… It’s ‘fine’ • ok"
    assert repair_thai_mojibake(misread_as_thai(original)) == original


def test_real_thai_text_is_left_alone():
    thai = "ภาษาไทย โรงเรียน เกี่ยวกับ"
    assert repair_thai_mojibake(thai) == thai


def test_clean_text_keeps_one_paragraph_per_line():
    assert clean_text("Headline Here\r\n\r\nFirst  paragraph is long enough to be prose here.\r\nSecond one too, she said.") == (
        "Headline Here\nFirst paragraph is long enough to be prose here.\nSecond one too, she said."
    )


FORBIDDEN = ["$10 million", "$300M", "75,000", "Meet Democrats", "Hillicon", "Sign up", "Related Articles",
             "ASTORS’ Awards Luncheon", "Today: March 16", "Comments", "newsletter", "Share This", "Popular",
             "Access this article", "Why American Security Today", "By Wim De Gent"]
REQUIRED = {
    "000": ["Alejandro Mayorkas in a report.", "keep communities safe,” said declared the secretary of DHS.",
            "said Acting Director of ICE, Tae Johnson.", "Houston, New York and Newark, NJ"],
    "001": ["the first 1,600 bodycams are being issued", "Mr. Lechleitner added",
            "advance the principles of equality and dignity.”"],
    "002": ["Houston, TX; New York City, N.Y.; and Newark, N.J.", "said Acting ICE Director Tae D. Johnson.",
            "explains DHS Secretary Alejandro Mayorkas.",
            "The timing of the ERO pilot is dependent on the conclusion of negotiations with the ERO union."],
    "003": ["1,600 body-worn cameras", "“Right now, we can’t do more than those cities,” he said.",
            "two law enforcement arms — Homeland Security Investigations"],
}


@pytest.mark.parametrize("seed", sorted(REQUIRED))
def test_seed_cleaning(seed_texts, seed):
    cleaned = clean_text(seed_texts[seed])
    for text in REQUIRED[seed]:
        assert text in cleaned
    for text in FORBIDDEN:
        assert text not in cleaned
    assert "Stay informed" not in cleaned


def test_sentences_glued_by_a_lost_space_are_parted():
    from crosscheck.ingest.clean import repair_text

    assert repair_text("He carried a rifle.Fourteen people were hurt.Police said so.") == (
        "He carried a rifle. Fourteen people were hurt. Police said so."
    )
    # Abbreviations, initials and web addresses stay as written.
    assert repair_text("The U.S.Army unit, J.Doe and example.com stayed.") == "The U.S.Army unit, J.Doe and example.com stayed."
