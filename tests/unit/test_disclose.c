/* Unit tests for the disclosure module and its attacker (stats_disclose.c,
 * stats_audit.c; docs/privacy.md): positive controls the audit must catch,
 * and a property test over many random tiny networks (KPAs of 0 to 6
 * people, one-person and empty categories, deterministic seeds) on which
 * the decision must leave nothing for the attacker to find. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "model.h"
#include "stats.h"
#include "test_sink.h"
#include "util.h"

static model *load(const char *dir)
{
	sink s;
	sink_open(&s);
	model *m = model_load(s.d, dir);
	if (!m || strstr(sink_text(&s), "error"))
		fail_msg("%s does not load: %s", dir, sink_text(&s));
	sink_close(&s);
	return m;
}

static model *load_fixture(const char *rel)
{
	char *dir = xasprintf("%s/%s", getenv("RECIT_SOURCE_DIR"), rel);
	model *m = load(dir);
	free(dir);
	return m;
}

/* Every published count of people is 0 or at least k, every printed base
 * is published, and a KPA under k publishes no composition. */
static void assert_rules(const stats *s, int k)
{
	size_t nk = stats_kpa_count(s);
	for (size_t j = 0; j <= nk; j++) {
		const stats *set = j == 0 ? s : stats_kpa(s, j - 1);
		for (size_t i = 0; i < stats_count(set); i++) {
			const stat_figure *f = stats_at(set, i);
			if (f->unit != STAT_COUNT || !strncmp(f->id, "reseau.", 7))
				continue;
			if (!stats_withheld(f) && f->value > 0 && f->value < k)
				fail_msg("%s:%s = %lld is published", stats_kpa_id(set) ? stats_kpa_id(set) : "",
					 f->id, f->value);
			if (stats_share_published(set, f) && f->base > 0 && f->base < k)
				fail_msg("%s: a share of a base of %lld is published", f->id, f->base);
		}
		const stat_figure *total = stats_lookup(set, "coop.total");
		if (j > 0 && total && total->value > 0 && total->value < k)
			for (size_t i = 0; i < stats_count(set); i++) {
				const stat_figure *f = stats_at(set, i);
				if (f->base_id && !strcmp(f->base_id, "coop.total") && !stats_withheld(f))
					fail_msg("%s: composition of a KPA of %lld is published", f->id,
						 total->value);
			}
	}
}

static void test_fixtures_pass(void **state)
{
	(void)state;
	const char *dirs[] = {"tests/fixtures/mini", "inputs"};
	for (size_t i = 0; i < 2; i++) {
		model *m = load_fixture(dirs[i]);
		stats *s = stats_compute(m, NULL);
		assert_int_equal(stats_audit(s, NULL), 0);
		assert_rules(s, stats_threshold(s));
		stats_destroy(s);
		model_destroy(m);
	}
}

/* Deliberately leaking publications: each must be caught. */
static void test_positive_controls(void **state)
{
	(void)state;
	model *m = load_fixture("inputs");
	/* A margin plus all but one cell: publishing the secondary cell of the
	 * tenure bands gives the one long-stayer back. */
	stats *s = stats_compute(m, NULL);
	assert_non_null(stats_lookup(s, "anciennete.moins-6-mois"));
	assert_true(stats_withheld(stats_lookup(s, "anciennete.moins-6-mois")));
	assert_true(stats_reveal(s, "anciennete.moins-6-mois"));
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	assert_true(stats_audit(s, mem) > 0);
	fclose(mem);
	assert_non_null(strstr(buf, "anciennete.22-mois-et-plus,<3,1,1,exact\n"));
	free(buf);
	stats_destroy(s);
	model_destroy(m);

	/* A KPA of 2 whose total is printed in the network's table: its sheet's
	 * total (the same count) is pinned. */
	m = load_fixture("tests/fixtures/mini");
	s = stats_compute(m, NULL);
	assert_true(stats_withheld(stats_lookup(s, "kpa.le-quai")));
	assert_true(stats_reveal(s, "kpa.le-quai"));
	assert_true(stats_audit(s, NULL) > 0);
	stats_destroy(s);
	/* Unknown ids are refused. */
	s = stats_compute(m, NULL);
	assert_false(stats_reveal(s, "nope"));
	assert_false(stats_reveal(s, "le-quai:nope"));
	assert_false(stats_reveal(s, "nowhere:coop.total"));
	stats_destroy(s);
	model_destroy(m);
}

/* ---- random tiny networks ------------------------------------------------------ */

static uint64_t rng;
static unsigned roll(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

static const char *pick(const char *const *v, size_t n, bool skewed)
{
	/* Skewed: most people in the first categories, so others are empty or
	 * hold one person. */
	size_t i = skewed && roll(3) ? roll(2) : roll((unsigned)n);
	return v[i < n ? i : n - 1];
}
#define PICK(v, sk) pick(v, sizeof v / sizeof *v, sk)

static void write_file(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void make_network(const char *dir, unsigned seed)
{
	static const char *const sex[] = {"F", "H"};
	static const char *const age[] = {"25-39", "40-54", "16-24", "55+"};
	static const char *const dep[] = {"59", "62", "17"};
	static const char *const yn[] = {"non", "oui"};
	static const char *const edu[] = {"infra-cap", "inconnu", "bac", "cap-bep", "bac+2-4",
					  "bac+5"};
	static const char *const pe[] = {"moins-6-mois", "2-5-ans", "6-12-mois", "13-24-mois",
					 "plus-5-ans"};
	static const char *const out[] = {"cdi", "inconnue", "formation-qualifiante",
					  "cdd-moins-6-mois", "interim", "cdd-6-mois-et-plus",
					  "formation-non-qualifiante", "creation-entreprise",
					  "autre-dispositif", "sans-emploi-ni-formation",
					  "service-civique"};
	rng = seed * 2654435761ULL + 1;
	unsigned n_kpa = 1 + roll(5);
	strbuf kpa = {0}, act = {0};
	strbuf_puts(&kpa, "nom,id,ville,departement,quartier,annee_creation\n");
	strbuf_puts(&act, "id,kpa,sexe,tranche_age,departement,qpv,parent_isole,"
			  "protection_internationale,rqth,niveau_formation,inscrit_pe_avant,"
			  "anciennete_pe,inscrit_pe_pendant,mission_locale,date_entree,"
			  "duree_prevue_mois,date_sortie,situation_sortie\n");
	unsigned person = 0;
	for (unsigned k = 0; k < n_kpa; k++) {
		strbuf_printf(&kpa, "KPA %u,k%u,Ville,59,,2020\n", k, k);
		/* 0 to 3 people mostly, sometimes up to 12. */
		unsigned size = roll(4) ? roll(4) : roll(13);
		if (k == 0 && size == 0)
			size = 1; /* a year lists at least one person */
		for (unsigned i = 0; i < size; i++) {
			bool pe_before = roll(2);
			bool left = roll(3) == 0;
			unsigned m0 = 3 + roll(9);
			strbuf_printf(&act, "P%u,k%u,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,2022-%02u-01,%u,",
				      ++person, k, PICK(sex, true), PICK(age, true), PICK(dep, true),
				      PICK(yn, false), PICK(yn, true), roll(6) ? "non" : "oui",
				      roll(5) ? "non" : "oui", PICK(edu, true), pe_before ? "oui" : "non",
				      pe_before ? PICK(pe, true) : "", PICK(yn, true), PICK(yn, true),
				      m0, 6 + 6 * roll(4));
			if (left)
				strbuf_printf(&act, "2023-%02u-15,%s\n", 1 + roll(12), PICK(out, true));
			else
				strbuf_puts(&act, ",\n");
		}
	}
	mkdir(dir, 0777);
	write_file(dir, "kpa.csv", kpa.data ? kpa.data : "");
	write_file(dir, "activite.csv", act.data ? act.data : "");
	write_file(dir, "recit.xml",
		   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<recit version=\"1\">\n"
		   "  <rapport titre=\"Essai\" organisation=\"Réseau\" date=\"2024-01-15\"/>\n"
		   "  <periode debut=\"2022-01-01\" fin=\"2023-12-31\"/>\n"
		   "  <confidentialite seuil=\"3\"/>\n</recit>\n");
	strbuf_free(&kpa);
	strbuf_free(&act);
}

static void test_random_networks(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/recit-disclose-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	unsigned n = getenv("RECIT_PROPTEST_N") ? (unsigned)atoi(getenv("RECIT_PROPTEST_N")) : 150;
	size_t withheld = 0;
	for (unsigned seed = 1; seed <= n; seed++) {
		char *dir = xasprintf("%s/n%u", tmpl, seed);
		make_network(dir, seed);
		model *m = load(dir);
		stats *s = stats_compute(m, NULL);
		size_t leaks = stats_audit(s, NULL);
		if (leaks) {
			stats_audit(s, stderr);
			fail_msg("seed %u: %zu leaks (inputs in %s)", seed, leaks, dir);
		}
		assert_rules(s, 3);
		for (size_t j = 0; j <= stats_kpa_count(s); j++) {
			const stats *set = j == 0 ? s : stats_kpa(s, j - 1);
			for (size_t i = 0; i < stats_count(set); i++)
				withheld += stats_withheld(stats_at(set, i));
		}
		stats_destroy(s);
		model_destroy(m);
		char *cmd = xasprintf("rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		free(dir);
	}
	rmdir(tmpl);
	/* The generator does make small cells. */
	assert_true(withheld > n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures_pass),
		cmocka_unit_test(test_positive_controls),
		cmocka_unit_test(test_random_networks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
