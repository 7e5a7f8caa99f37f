import pytest

from crosscheck.ingest.boilerplate import remove_glued_links, strip_boilerplate
from crosscheck.ingest.clean import clean_text
from crosscheck.ingest.lines import date_line


def test_glued_anchor_text_is_cut_and_sentence_kept():
    line = ("“... keep communities safe,” said declared the secretary of DHS. Alejandro mayorkasAlejandro "
            "MayorkasMeet Democrats’ Last Best Hope To Preserve House Majority Biden Examines Kentucky Tornado "
            "Damage: “I Plan To Do Whatever It Takes” Hillicon Valley – Apache Vulnerability Triggers alarm PLUS in a report.")
    assert remove_glued_links(line) == "“... keep communities safe,” said declared the secretary of DHS. Alejandro Mayorkas in a report."


def test_brand_names_are_not_glue():
    line = "The McDonald's and YouTube deals, announced by iPhone maker Apple, closed on Friday."
    assert remove_glued_links(line) == line


def test_end_marker_cuts_the_rest():
    text = ("Council approves budget\nThe council voted 7-2 on Tuesday to approve the new budget, officials said.\n"
            "Related Articles\nMayor resigns after scandal in the city of Springfield")
    assert strip_boilerplate(text).split("\n") == [
        "Council approves budget", "The council voted 7-2 on Tuesday to approve the new budget, officials said."]


def test_promotional_tail_is_cut_but_prose_after_a_list_kept():
    body = "The council voted 7-2 on Tuesday to approve the new budget, officials said."
    promo = ("Why Our Magazine Matters\n-\nOur readers get the news they need from our editors every day.\n"
             "We were fortunate to host many of you at our annual luncheon this year.\n"
             "For more information, please contact the publisher at pub@example.com.")
    assert strip_boilerplate(f"{body}\n{promo}") == body
    table = ("RESULTS\nSmith 26-1\nJones 22-3\nLee 21-5\nSmith 19-2\n"
             "The champion has won 16 fights in a row since losing in April.\n"
             "He has rarely lost a round during that impressive stretch of fights.")
    assert strip_boilerplate(f"{body}\n{table}").endswith("during that impressive stretch of fights.")


def _kept_ratio(folders):
    kept = total = 0
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            # Date lines move into the metadata by design; every other line should stay.
            lines = [line for line in lines if not date_line(line)]
            cleaned = clean_text("\n".join(lines))
            total += len(lines)
            kept += sum(line in cleaned for line in lines)
    return kept / total


def test_clean_ecbplus_texts_are_not_over_stripped(ecbplus_dir):
    # ECB+ (Cybulska & Vossen, LREC 2014, CC BY 3.0): already-clean news text, one sentence per line.
    sample = sorted(p for p in ecbplus_dir.iterdir() if p.is_dir())[::8]
    assert _kept_ratio(sample) > 0.97
