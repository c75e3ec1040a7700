#!/usr/bin/env python3
"""Write a synthetic 45-KPA year into the folder given as the only argument,
for the disclosure audit at scale (tests/e2e/audit.sh): a few large KPAs,
many small ones, every seventh KPA of 1 to 4 people, categories skewed so
that many cells hold one person or none. Deterministic; stdlib only."""
import os
import random
import sys

out_dir = sys.argv[1]
os.makedirs(out_dir, exist_ok=True)
random.seed(45)
SEX = ["F", "H"]
AGE = ["16-24", "25-39", "40-54", "55+"]
DEP = ["59", "62", "17", "37"]
EDU = ["infra-cap", "inconnu", "bac", "cap-bep", "bac+2-4", "bac+5"]
PE = ["moins-6-mois", "2-5-ans", "6-12-mois", "13-24-mois", "plus-5-ans"]
OUT = ["cdi", "inconnue", "formation-qualifiante", "cdd-moins-6-mois", "interim",
       "cdd-6-mois-et-plus", "formation-non-qualifiante", "creation-entreprise",
       "autre-dispositif", "sans-emploi-ni-formation", "service-civique"]


def skewed(values):
    return random.choices(values, weights=[1 / (i + 1) for i in range(len(values))])[0]


def yes(p):
    return "oui" if random.random() < p else "non"


kpa = ["nom,id,ville,departement,quartier,annee_creation"]
act = ["id,kpa,sexe,tranche_age,departement,qpv,parent_isole,protection_internationale,rqth,"
       "niveau_formation,inscrit_pe_avant,anciennete_pe,inscrit_pe_pendant,mission_locale,"
       "date_entree,duree_prevue_mois,date_sortie,situation_sortie"]
person = 0
for k in range(45):
    kpa.append(f"KPA {k},k{k:02d},Ville,59,,2020")
    size = max(1, int(100 / (1 + k * 0.6))) if k % 7 else random.randint(1, 4)
    for _ in range(size):
        person += 1
        pe_before = random.random() < 0.3
        row = [f"P{person}", f"k{k:02d}", skewed(SEX), skewed(AGE), skewed(DEP), yes(0.5),
               yes(0.17), yes(0.03), yes(0.09), skewed(EDU), "oui" if pe_before else "non",
               skewed(PE) if pe_before else "", yes(0.07), yes(0.05),
               f"2022-{random.randint(3, 12):02d}-01", str(random.choice([6, 12, 18, 24]))]
        if random.random() < 0.35:
            row += [f"2023-{random.randint(1, 12):02d}-15", skewed(OUT)]
        else:
            row += ["", ""]
        act.append(",".join(row))
with open(os.path.join(out_dir, "kpa.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(kpa) + "\n")
with open(os.path.join(out_dir, "activite.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(act) + "\n")
with open(os.path.join(out_dir, "recit.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<recit version="1">\n'
            '  <rapport titre="Essai" organisation="Réseau" date="2024-01-15"/>\n'
            '  <periode debut="2022-01-01" fin="2023-12-31"/>\n'
            '  <confidentialite seuil="3"/>\n</recit>\n')
