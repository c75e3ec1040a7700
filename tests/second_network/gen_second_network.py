#!/usr/bin/env python3
"""A second, invented network of KPAs: a complete year folder that shares
nothing with the sample in inputs/ (issue 12).

    tests/second_network/gen_second_network.py OUT_DIR [--kpas N]

Writes OUT_DIR/recit.xml (network name, history, workshops), kpa.csv (45 KPAs
in 14 cities of other regions), activite.csv, finances.csv, fiches/*.xml,
lieux.csv (the cities' places, for the drawn map), entretiens/grille.xml (its own codebook and cards: 14 cards, 2 JOKER) and
entretiens.xml, and narratif/*.xml (the five files the shipped rapport.xml
includes). No images/: the map is drawn from lieux.csv.

Its period (January 2025 - June 2026), its history (2008, 2011, 2013,
2021) and every name avoid the sample's, so that tests/e2e/second_network.sh
can assert that no fact of the sample reaches this network's PDF.
Deterministic (fixed seed, no clock); standard library only.
"""

import csv
import os
import random
import shutil
import sys
from xml.sax.saxutils import escape, quoteattr

SEED = 20260915
NETWORK = "Archipel des Ruches"
PERIOD = ((2025, 1, 1), (2026, 6, 30))

# City, département code, neighbourhoods: other regions than the sample's.
CITIES = [
    ("Brest", "29", ["Kerourien", "Pontanézen", "Bellevue", "Recouvrance"]),
    ("Quimper", "29", ["Kermoysan", "Penhars", "Ergué-Armel"]),
    ("Rennes", "35", ["Maurepas", "Le Blosne", "Villejean", "Cleunay"]),
    ("Saint-Brieuc", "22", ["Ginglin", "La Croix-Saint-Lambert"]),
    ("Lorient", "56", ["Bois-du-Château", "Kervénanec", "Frébault"]),
    ("Vannes", "56", ["Kercado", "Ménimur"]),
    ("Toulouse", "31", ["Empalot", "Bagatelle", "Les Izards", "Bellefontaine"]),
    ("Montpellier", "34", ["La Paillade", "Petit Bard", "Près d'Arènes"]),
    ("Perpignan", "66", ["Saint-Jacques", "Le Vernet", "Bas-Vernet"]),
    ("Clermont-Ferrand", "63", ["Les Vergnes", "Saint-Jacques Nord", "La Gauthière"]),
    ("Aurillac", "15", ["Marmiers", "Le Cap Blanc"]),
    ("Strasbourg", "67", ["Hautepierre", "Neuhof", "Cronenbourg", "L'Elsau"]),
    ("Mulhouse", "68", ["Les Coteaux", "Bourtzwiller", "Drouot"]),
    ("Colmar", "68", ["Florimont", "Saint-Vincent-de-Paul"]),
]

# Places of the cities for the map (lieux.csv), in decimal degrees; one
# city is left without a place, so the map's text alternative must name it.
PLACES = {"Brest": (48.39, -4.49), "Quimper": (47.996, -4.10), "Rennes": (48.11, -1.68),
          "Saint-Brieuc": (48.51, -2.76), "Lorient": (47.75, -3.37), "Vannes": (47.66, -2.76),
          "Toulouse": (43.60, 1.44), "Montpellier": (43.61, 3.88), "Perpignan": (42.70, 2.90),
          "Clermont-Ferrand": (45.78, 3.08), "Strasbourg": (48.57, 7.75),
          "Mulhouse": (47.75, 7.34), "Colmar": (48.08, 7.36)}

# Names of the ruches: a word and the place.
WORDS = ["Ruche", "Essaim", "Alvéole", "Rayon", "Butinage", "Miellerie", "Cadre", "Nectar",
         "Pollen", "Ruchette", "Propolis", "Colonie"]

HISTORY = [
    ("2008", "Premières ruches coopératives d'été à Brest"),
    ("2011-09", "Ouverture de la Ruche de Kerourien"),
    ("2013", "Un essaim à Toulouse, puis à Montpellier"),
    ("2021-05", "Création de l'association Archipel des Ruches"),
    ("2025", "Programme « Quartiers en mouvement » : 45 ruches"),
]
WORKSHOPS = [
    ("2025-10", "Atelier 1 : choisir les effets à suivre"),
    ("2026-01", "Atelier 2 : s'entraîner à l'entretien"),
    ("2026-03", "Atelier 3 : coder les entretiens ensemble"),
    ("2026-06", "Atelier 4 : relire le récit"),
]

CODES = [
    ("autonomie", "Autonomie et initiative", [
        ("decider", "Prendre des décisions"),
        ("organiser", "Organiser son temps"),
        ("oser", "Oser demander"),
    ]),
    ("relations", "Relations et entraide", [
        ("entraide", "S'entraider entre pairs"),
        ("voisinage", "Connaître son voisinage"),
        ("parole", "Prendre la parole en groupe"),
    ]),
    ("savoir-faire", "Savoir-faire et métiers", [
        ("gestes", "Apprendre des gestes techniques"),
        ("vente", "Vendre et facturer"),
        ("orientation", "Choisir une voie professionnelle"),
    ]),
]
CARDS = [("decouvert", "J'ai découvert…"), ("reussi", "J'ai réussi…"),
         ("ose", "J'ai osé…"), ("aide", "J'ai aidé…"), ("compris", "J'ai compris…"),
         ("fabrique", "J'ai fabriqué…"), ("vendu", "J'ai vendu…"),
         ("doute", "J'ai douté…"), ("fier", "Je suis fier·e…"),
         ("change-avis", "J'ai changé d'avis…"), ("regrette", "Je regrette…"),
         ("envie", "J'ai envie…"), ("joker", "JOKER")]
PSEUDOS_F = ["Maëlle", "Soizic", "Gwenaëlle", "Amandine", "Rozenn", "Yasmina", "Ophélie",
             "Clémence", "Naïma", "Lénaïg"]
PSEUDOS_H = ["Yannick", "Erwan", "Tristan", "Mehdi", "Gaëtan", "Loïc", "Brieuc",
             "Anthony", "Malo", "Killian"]
PHRASES = {
    "decider": "Maintenant quand il faut choisir un fournisseur pour la ruche, je donne mon avis et on tranche ensemble, sans attendre l'animatrice.",
    "organiser": "Je note tout dans un carnet, les livraisons, les permanences ; avant je ratais la moitié des rendez-vous et plus maintenant.",
    "oser": "La première fois que j'ai appelé un client je tremblais ; la semaine dernière j'ai négocié un prix tout seul au téléphone.",
    "entraide": "Quand quelqu'un est en retard sur une commande on se répartit le travail, personne ne reste seul avec un problème.",
    "voisinage": "Je connais les commerçants de la place par leur prénom, ils me demandent des nouvelles de la ruche quand je passe.",
    "parole": "En réunion je restais au fond ; aujourd'hui je présente les comptes du mois devant tout le groupe et ça se passe bien.",
    "gestes": "J'ai appris à réparer une machine à coudre, à régler la tension du fil ; je ne savais même pas que c'était possible.",
    "vente": "Faire un devis, calculer la marge, envoyer la facture : j'ai tout appris ici, en vrai, avec de vrais clients du quartier.",
    "orientation": "Après six mois je sais que je veux travailler dans la menuiserie, je me suis inscrite à une formation pour la rentrée.",
}


def date_str(y, m, d):
    return f"{d:02d}/{m:02d}/{y}"


def add_months(y, m, n):
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def slug(s):
    table = str.maketrans("àâäéèêëîïôöùûüçÀÂÉÈÊÎÔÙÛÇ'’ ", "aaaeeeeiioouuucAAEEEIOUUC---")
    out = s.translate(table).lower()
    return "".join(c for c in out if c.isalnum() or c == "-").strip("-")


def make_kpas(rnd, n):
    kpas = []
    used = set()
    i = 0
    while len(kpas) < n:
        city, dep, quarters = CITIES[i % len(CITIES)]
        q = quarters[(i // len(CITIES)) % len(quarters)]
        word = WORDS[(i * 5) % len(WORDS)]
        name = f"{word} de {q}" if not q.startswith(("Le ", "La ", "Les ", "L'")) else f"{word} {q}"
        kid = slug(name)
        i += 1
        if kid in used:
            continue
        used.add(kid)
        year = rnd.choice([2009, 2010, 2012, 2014, 2025])
        kpas.append({"id": kid, "nom": name, "ville": city, "quartier": q, "dep": dep,
                     "annee": year})
    return kpas


def people_rows(rnd, kpas):
    rows = []
    n = 0
    (y0, m0, _), (y1, m1, _) = PERIOD
    for k in kpas:
        for _ in range(rnd.randint(8, 24)):
            n += 1
            ey, em = add_months(y0, m0, rnd.randint(-10, 16))
            dur = rnd.choice([6, 9, 12, 18, 24])
            left = rnd.random() < 0.4
            ed = rnd.randint(1, 28)
            exit_d, sit = "", ""
            if left:
                xy, xm = add_months(ey, em, rnd.randint(3, dur))
                if (xy, xm) < (y0, m0):
                    xy, xm = y0, m0 + rnd.randint(0, 3)
                if (xy, xm) > (y1, m1) or (xy, xm) <= (ey, em):
                    left = False
                else:
                    exit_d = date_str(xy, xm, rnd.randint(1, 28))
                    sit = rnd.choice(["cdi", "cdd-6-mois-et-plus", "cdd-moins-6-mois", "interim",
                                      "formation-qualifiante", "creation-entreprise",
                                      "sans-emploi-ni-formation", "inconnue"])
            age = rnd.choice(["16-24", "25-39", "25-39", "40-54", "55+"])
            pe = rnd.random() < 0.55
            rows.append([
                f"R{n:04d}", k["id"], rnd.choice("FH"), age, "", k["dep"],
                rnd.choice(["oui", "non"]), rnd.choice(["oui", "non", "non"]),
                rnd.choice(["non"] * 9 + ["oui"]), rnd.choice(["non"] * 8 + ["oui"]),
                rnd.choice(["infra-cap", "cap-bep", "bac", "bac+2-4", "bac+5", "inconnu"]),
                "oui" if pe else "non",
                rnd.choice(["moins-6-mois", "6-12-mois", "13-24-mois", "2-5-ans", "plus-5-ans"])
                if pe else "",
                rnd.choice(["oui", "non"]),
                "oui" if age == "16-24" and rnd.random() < 0.5 else "non",
                date_str(ey, em, ed), str(dur), exit_d, sit,
            ])
    return rows


def finance_rows(rnd, kpas):
    rows = []
    for i, k in enumerate(kpas):
        if i % 9 == 4:
            continue  # a ruche that declared nothing
        ca = rnd.randint(4000, 90000) * 100
        if i % 3 == 0:  # the whole period at once
            rows.append([k["id"], "01/01/2025", "30/06/2026", euros(ca), euros(ca * 55 // 100),
                         euros(ca // 4), ""])
        else:
            rows.append([k["id"], "01/01/2025", "31/12/2025", euros(ca), euros(ca * 55 // 100),
                         euros(ca // 4), euros(ca // 20)])
            rows.append([k["id"], "01/01/2026", "30/06/2026", euros(ca // 2), "", "", ""])
    return rows


def euros(cents):
    e, c = divmod(cents, 100)
    s = f"{e:,}".replace(",", " ")
    return f"{s},{c:02d} €"


def write_fiche(path, k, rnd):
    acts = rnd.sample(["Couture et retouches", "Jardin partagé", "Réparation d'électroménager",
                       "Traiteur de quartier", "Menuiserie de récupération", "Livraison à vélo",
                       "Miel et confitures", "Ménage écologique"], 3)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(f'<fiche kpa="{k["id"]}">\n')
        f.write(f'  <accueil>Maison de quartier de {escape(k["quartier"])}</accueil>\n')
        f.write('  <porteuse>Association des habitant·es du quartier</porteuse>\n')
        f.write('  <porteur-juridique>Coopérative d\'activité Archipel</porteur-juridique>\n')
        f.write('  <public type="tous">habitant·es du quartier</public>\n')
        f.write('  <contrat type="cape"/>\n')
        f.write(f'  <duree-max mois="{rnd.choice([12, 18, 24])}"/>\n')
        for a in acts:
            f.write(f"  <activite>{escape(a)}</activite>\n")
        f.write(f"  <partenaire>Ville de {escape(k['ville'])}</partenaire>\n")
        f.write(f'  <contact courriel="{k["id"]}@archipel-ruches.example">Permanence le mardi</contact>\n')
        f.write(f"  <presentation>La {escape(k['nom'])} réunit des habitant·es de "
                f"{escape(k['quartier'])} autour d'activités utiles au voisinage : "
                f"{escape(', '.join(a.lower() for a in acts))}. Chaque semaine, le groupe décide "
                "ensemble des commandes, des prix et du partage du travail.</presentation>\n")
        f.write("</fiche>\n")


def write_grille(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<grille version="1">\n  <codes>\n')
        for cid, label, subs in CODES:
            f.write(f'    <code id="{cid}" libelle={quoteattr(label)}>\n')
            for sid, slabel in subs:
                f.write(f'      <code id="{sid}" libelle={quoteattr(slabel)}/>\n')
            f.write("    </code>\n")
        f.write("  </codes>\n  <cartes>\n")
        for cid, label in CARDS:
            extra = ' exemplaires="2"' if cid == "joker" else ""
            f.write(f'    <carte id="{cid}" libelle={quoteattr(label)}{extra}/>\n')
        f.write("  </cartes>\n</grille>\n")


def write_entretiens(path, rnd, kpas):
    subs = [s for _, _, ss in CODES for s, _ in ss]
    cards = [c for c, _ in CARDS if c != "joker"]
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<entretiens version="1">\n')
        for i in range(1, 37):
            k = kpas[(i * 7) % len(kpas)]
            g = "F" if i % 2 else "H"
            pseudo = (PSEUDOS_F if g == "F" else PSEUDOS_H)[i % 10]
            age = rnd.randint(18, 63)
            picked = rnd.sample(cards, 3)
            f.write(f'  <entretien id="A{i:02d}" kpa="{k["id"]}" pseudonyme="{pseudo}" genre="{g}" '
                    f'age="{age}" anciennete-mois="{rnd.randint(2, 20)}" '
                    f'date="2026-0{rnd.randint(1, 5)}-{rnd.randint(10, 27)}" duree-min="{rnd.randint(30, 80)}">\n')
            f.write(f'    <deroulement lieu="Local de la ruche" enqueteur="{rnd.choice(["accompagnant", "cooperant", "binome"])}"/>\n')
            f.write(f"    <cartes>{' '.join(picked)}</cartes>\n")
            for j, code in enumerate(rnd.sample(subs, 3), 1):
                f.write(f'    <extrait id="A{i:02d}-{j}" codes="{code}" carte="{picked[j - 1]}" '
                        f'consentement="{"oui" if (i + j) % 5 else "non"}">\n'
                        f"      {escape(PHRASES[code])}\n    </extrait>\n")
            f.write("  </entretien>\n")
        f.write("</entretiens>\n")


NARRATIVE = {
    "presentation.xml": """<texte>
  <section id="ruches-origines" titre="Des ruches dans les quartiers">
    <p>L'{reseau} rassemble {reseau.kpa} ruches coopératives, dans des quartiers
      de Bretagne, d'Occitanie, d'Auvergne et d'Alsace. Chaque ruche est un petit collectif
      d'habitant·es qui montent ensemble des activités utiles à leur voisinage.</p>
  </section>
</texte>""",
    "demarche.xml": """<texte>
  <section id="ruches-demarche" titre="Évaluer avec les coopérant·es">
    <p>Les ateliers ont réuni des accompagnant·es et des coopérant·es de plusieurs ruches
      pour choisir les effets à suivre, conduire les entretiens et les lire ensemble.</p>
  </section>
</texte>""",
    "recit.xml": """<texte>
  <chapeau>Ce que les coopérant·es disent avoir gagné en participant à une ruche.</chapeau>
  <p>Les entretiens, menés au printemps, s'appuient sur les cartes du kit.</p>
</texte>""",
    "conclusion.xml": """<texte>
  <section id="ruches-suite" titre="Et maintenant">
    <p>Les ruches veulent suivre ces effets dans la durée et ouvrir de nouveaux essaims.</p>
  </section>
</texte>""",
    "kit-entretien.xml": """<texte>
  <section id="ruches-kit" titre="Mener un entretien">
    <p>La personne tire les cartes qui lui parlent et raconte, carte après carte, ce
      qu'elle a vécu dans sa ruche.</p>
  </section>
</texte>""",
}


def main():
    args = sys.argv[1:]
    n_kpas = 45
    if "--kpas" in args:
        i = args.index("--kpas")
        n_kpas = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit("usage: gen_second_network.py OUT_DIR [--kpas N]")
    out = args[0]
    if os.path.exists(out):
        shutil.rmtree(out)
    for d in ("fiches", "entretiens", "narratif"):
        os.makedirs(os.path.join(out, d))
    rnd = random.Random(SEED)
    kpas = make_kpas(rnd, n_kpas)

    (y0, m0, d0), (y1, m1, d1) = PERIOD
    with open(os.path.join(out, "recit.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<recit version="1">\n')
        f.write(f'  <rapport titre="Rapport d\'activité de l\'{NETWORK}" '
                f'sous-titre="Bilan, janvier 2025 – juin 2026" organisation="{NETWORK}" '
                f'auteur="{NETWORK} — équipe d\'animation" date="2026-09-15"/>\n')
        f.write(f'  <periode debut="{y0}-{m0:02d}-{d0:02d}" fin="{y1}-{m1:02d}-{d1:02d}"/>\n')
        f.write('  <confidentialite seuil="5"/>\n')
        f.write(f'  <reseau nom="{NETWORK}"/>\n')
        f.write('  <histoire note="Source : archives de l\'association.">\n')
        for d, l in HISTORY:
            f.write(f'    <evenement date="{d}" libelle={quoteattr(l)}/>\n')
        f.write("  </histoire>\n  <ateliers>\n")
        for d, l in WORKSHOPS:
            f.write(f'    <atelier date="{d}" libelle={quoteattr(l)}/>\n')
        f.write("  </ateliers>\n</recit>\n")

    write_csv(os.path.join(out, "kpa.csv"),
              ["id", "nom", "ville", "quartier", "departement", "annee_creation"],
              [[k["id"], k["nom"], k["ville"], k["quartier"], k["dep"], k["annee"]] for k in kpas])
    write_csv(os.path.join(out, "activite.csv"),
              ["id", "kpa", "sexe", "tranche_age", "annee_naissance", "departement", "qpv",
               "parent_isole", "protection_internationale", "rqth", "niveau_formation",
               "inscrit_pe_avant", "anciennete_pe", "inscrit_pe_pendant", "mission_locale",
               "date_entree", "duree_prevue_mois", "date_sortie", "situation_sortie"],
              people_rows(rnd, kpas))
    write_csv(os.path.join(out, "finances.csv"),
              ["kpa", "debut", "fin", "chiffre_affaires_ht", "remunerations", "charges", "epargne"],
              finance_rows(rnd, kpas))
    write_csv(os.path.join(out, "lieux.csv"), ["ville", "latitude", "longitude"],
              [[c, f"{la}".replace(".", ","), f"{lo}".replace(".", ",")]
               for c, (la, lo) in PLACES.items()])
    for k in kpas:
        write_fiche(os.path.join(out, "fiches", k["id"] + ".xml"), k, rnd)
    write_grille(os.path.join(out, "entretiens", "grille.xml"))
    write_entretiens(os.path.join(out, "entretiens", "entretiens.xml"), rnd, kpas)
    for name, text in NARRATIVE.items():
        with open(os.path.join(out, "narratif", name), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            f.write(text.replace("{reseau}", NETWORK) + "\n")


if __name__ == "__main__":
    main()
