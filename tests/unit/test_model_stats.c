/* Unit tests for the model (loading, enumerations, validation) and the
 * statistics (bases, bands, rounding) on tests/fixtures/mini, a five-person
 * network whose figures are worked out by hand in the comments. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"
#include "stats.h"
#include "test_sink.h"
#include "util.h"

typedef struct {
	sink out; /* what loading reported */
	model *m;
	stats *s;
} fixture;

static int setup_mini(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	sink_open(&f->out);
	char *dir = xasprintf("%s/tests/fixtures/mini", getenv("RECIT_SOURCE_DIR"));
	f->m = model_load(f->out.d, dir);
	free(dir);
	f->s = stats_compute(f->m, NULL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	stats_destroy(f->s);
	model_destroy(f->m);
	sink_close(&f->out);
	free(f);
	return 0;
}

static const stat_figure *need(const stats *s, const char *id)
{
	const stat_figure *f = stats_lookup(s, id);
	if (!f)
		fail_msg("no figure %s", id);
	return f;
}

static void test_loads_clean(void **state)
{
	fixture *f = *state;
	assert_string_equal(sink_text(&f->out), "");
	assert_int_equal(f->m->n_kpas, 2);
	assert_int_equal(f->m->n_people, 5);
	assert_int_equal(f->m->n_finances, 3);
	assert_int_equal(f->m->settings.privacy_threshold, 3);
	/* Labels and names are accepted where codes are expected. */
	assert_int_equal(f->m->people[1].sex, SEX_F);       /* "Femme" */
	assert_int_equal(f->m->people[1].edu, EDU_CAP_BEP); /* "CAP ou BEP" */
	assert_int_equal(f->m->people[2].kpa, 1);           /* "Le Quai" by name */
	assert_int_equal(f->m->people[0].exit_situation, EXIT_CDI); /* "CDI" */
	/* "12 500,50 €" */
	assert_int_equal(f->m->finances[0].revenue_cents, 1250050);
	assert_int_equal(f->m->finances[2].pay_cents, -1);
}

static void test_enum_parsing(void **state)
{
	(void)state;
	assert_int_equal(model_enum_parse(ENUM_EXIT, "CDD de 6 mois et plus"), EXIT_CDD_6M_PLUS);
	assert_int_equal(model_enum_parse(ENUM_EXIT, "cdd-6-mois-et-plus"), EXIT_CDD_6M_PLUS);
	assert_int_equal(model_enum_parse(ENUM_EXIT, "Intérim"), EXIT_INTERIM);
	assert_int_equal(model_enum_parse(ENUM_AGE, "55 ans et plus"), AGE_55_PLUS);
	assert_int_equal(model_enum_parse(ENUM_EDU, "Bac +2 à +4"), EDU_BAC2_4);
	assert_int_equal(model_enum_parse(ENUM_SEX, "x"), -1);
	assert_int_equal(model_enum_parse(ENUM_SEX, ""), -1);
	assert_string_equal(model_departement_name("59"), "Nord");
	assert_string_equal(model_departement_name("2A"), "Corse-du-Sud");
	assert_string_equal(model_departement_name("9"), "Ariège");
	assert_null(model_departement_name("999"));
	/* Every value of every enumeration has a code and a label. */
	for (int k = 0; k < ENUM__KINDS; k++)
		for (int v = 0; v < model_enum_count(k); v++) {
			assert_string_not_equal(model_enum_code(k, v), "?");
			assert_int_equal(model_enum_parse(k, model_enum_code(k, v)), v);
			assert_int_equal(model_enum_parse(k, model_enum_label(k, v)), v);
		}
}

static void test_bases(void **state)
{
	fixture *f = *state;
	assert_int_equal(need(f->s, "coop.total")->value, 5);
	const stat_figure *w = need(f->s, "sexe.F");
	assert_int_equal(w->value, 4);
	assert_int_equal(w->base, 5);
	assert_string_equal(w->base_id, "coop.total");
	assert_int_equal(w->percent, 80);
	/* Pôle emploi durations are shares of those registered before entry (3). */
	const stat_figure *pe = need(f->s, "anciennete-pe.plus-5-ans");
	assert_int_equal(pe->value, 1);
	assert_int_equal(pe->base, 3);
	assert_string_equal(pe->base_id, "emploi.pe-avant");
	assert_int_equal(pe->percent, 33);
	/* Outcomes are shares of those who left (2). */
	assert_int_equal(need(f->s, "sortie.emploi")->base, 2);
	assert_int_equal(need(f->s, "sortie.emploi")->percent, 50);
}

static void test_bands(void **state)
{
	fixture *f = *state;
	/* Present at 2023-12-31: P2 19 months, P3 11 months, P4 26 months. */
	assert_int_equal(need(f->s, "anciennete.moins-6-mois")->value, 0);
	assert_int_equal(need(f->s, "anciennete.6-12-mois")->value, 1);
	assert_int_equal(need(f->s, "anciennete.13-21-mois")->value, 1);
	assert_int_equal(need(f->s, "anciennete.22-mois-et-plus")->value, 1);
	/* Left: P1 stayed 8 months, P5 5 months. */
	assert_int_equal(need(f->s, "duree-sejour.moins-6-mois")->value, 1);
	assert_int_equal(need(f->s, "duree-sejour.6-12-mois")->value, 1);
	/* Planned: 12 -> "1 an"; 24 x3 -> "2 ans"; 6 -> "moins d'un an". */
	assert_int_equal(need(f->s, "duree-prevue.1-an")->value, 1);
	assert_int_equal(need(f->s, "duree-prevue.2-ans")->value, 3);
	assert_int_equal(need(f->s, "duree-prevue.moins-1-an")->value, 1);
	/* Départements, largest first. */
	const stat_group *g = stats_group_lookup(f->s, "departement");
	assert_non_null(g);
	assert_int_equal(g->count, 2);
	assert_string_equal(stats_at(f->s, g->first)->id, "departement.59");
	assert_string_equal(stats_at(f->s, g->first)->label, "Nord");
	assert_true(g->partition);
}

static void test_finances(void **state)
{
	fixture *f = *state;
	assert_int_equal(need(f->s, "ca.total")->value, 1250050 + 1400000 + 999900);
	assert_int_equal(need(f->s, "ca.la-ruche")->value, 1250050 + 1400000);
	assert_int_equal(need(f->s, "ca.la-ruche.2022")->value, 1250050);
	assert_int_equal(need(f->s, "ca.la-ruche.2023")->value, 1400000);
	/* A row spanning two years is never split into invented yearly figures. */
	assert_null(stats_lookup(f->s, "ca.le-quai.2022"));
	assert_int_equal(need(f->s, "ca.le-quai")->value, 999900);
	assert_int_equal(need(f->s, "remunerations.total")->value, 1300000);
}

static void test_rounding(void **state)
{
	(void)state;
	assert_int_equal(stats_percent_half_up(1, 3), 33);
	assert_int_equal(stats_percent_half_up(2, 3), 67);
	assert_int_equal(stats_percent_half_up(1, 8), 13); /* 12.5 rounds up */
	assert_int_equal(stats_percent_half_up(5, 8), 63);
	assert_int_equal(stats_percent_half_up(0, 8), 0);
	assert_int_equal(stats_percent_half_up(1, 0), -1); /* no base, no share */
	int out[4];
	long long thirds[3] = {1, 1, 1};
	stats_percent_largest_remainder(thirds, 3, 3, out);
	assert_int_equal(out[0] + out[1] + out[2], 100);
	assert_int_equal(out[0], 34); /* ties go to the first */
	/* The seed's age bands: half-up gives 22+34+35+8 = 99, LR gives 100. */
	long long ages[4] = {60, 91, 94, 22};
	int sum = 0;
	for (int i = 0; i < 4; i++)
		sum += stats_percent_half_up(ages[i], 267);
	assert_int_equal(sum, 99);
	stats_percent_largest_remainder(ages, 4, 267, out);
	assert_int_equal(out[0] + out[1] + out[2] + out[3], 100);
	long long zeros[2] = {0, 0};
	stats_percent_largest_remainder(zeros, 2, 0, out);
	assert_int_equal(out[0], -1);
}

static void test_largest_remainder_option(void **state)
{
	fixture *f = *state;
	stats_options o = {STATS_ROUND_LARGEST_REMAINDER, 0};
	stats *s = stats_compute(f->m, &o);
	const stat_group *g = stats_group_lookup(s, "anciennete");
	int sum = 0;
	for (size_t i = 0; i < g->count; i++)
		sum += stats_at(s, g->first + i)->percent;
	assert_int_equal(sum, 100);
	stats_destroy(s);
}

/* Threshold 3 on the mini network (see the fixture): a lone small cell in a
 * partition drags the smallest other cell with it; groups whose small cells
 * already hide each other are left alone; the complement of a share counts. */
static void test_small_cells(void **state)
{
	fixture *f = *state;
	stats_options o = {STATS_ROUND_HALF_UP, -1}; /* threshold from recit.xml: 3 */
	stats *s = stats_compute(f->m, &o);
	assert_int_equal(stats_threshold(s), 3);
	/* sexe: F 4, H 1 -> H primary, F secondary (else 5 - 4 = 1). */
	assert_int_equal(need(s, "sexe.H")->suppression, STAT_SUPPRESSED_PRIMARY);
	assert_int_equal(need(s, "sexe.F")->suppression, STAT_SUPPRESSED_SECONDARY);
	/* age: 1, 2, 1, 1 -> every non-zero cell is small: the group rule
	 * withholds the whole composition (each « < 3 » would say 1..2 and
	 * the four add up to 5). */
	assert_int_equal(need(s, "age.25-39")->suppression, STAT_SUPPRESSED_GROUP);
	assert_int_equal(need(s, "age.16-24")->suppression, STAT_SUPPRESSED_GROUP);
	/* Le Quai (2 people) is withheld; La Ruche's 3 can be read off its
	 * sheet (3 women of 3), so the network's 5 would give Le Quai's 2
	 * back: the total is withheld too. */
	assert_int_not_equal(need(s, "kpa.le-quai")->suppression, STAT_PUBLISHED);
	assert_int_not_equal(need(s, "coop.total")->suppression, STAT_PUBLISHED);
	/* Whatever was decided, the attacker finds nothing. */
	assert_int_equal(stats_audit(s, NULL), 0);
	/* Every partition with a published base hides 0 or >= 2 cells summing to >= k. */
	for (size_t g = 0; g < stats_group_count(s); g++) {
		const stat_group *gr = stats_group_at(s, g);
		if (!gr->partition || stats_at(s, gr->first)->unit != STAT_COUNT)
			continue;
		size_t n = 0;
		long long sum = 0;
		for (size_t i = 0; i < gr->count; i++)
			if (stats_at(s, gr->first + i)->suppression != STAT_PUBLISHED) {
				n++;
				sum += stats_at(s, gr->first + i)->value;
			}
		const stat_figure *base = stats_lookup(s, gr->base_id);
		if (base && base->suppression != STAT_PUBLISHED)
			continue;
		if (n > 0 && !(n >= 2 && sum >= 3)) {
			/* Allowed only when every other cell is zero. */
			size_t nonzero_published = 0;
			for (size_t i = 0; i < gr->count; i++) {
				const stat_figure *c = stats_at(s, gr->first + i);
				nonzero_published += c->suppression == STAT_PUBLISHED && c->value > 0;
			}
			assert_int_equal(nonzero_published, 0);
		}
	}
	/* Public output never prints a withheld count. */
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	stats_write(s, STATS_FORMAT_CSV, true, mem);
	fclose(mem);
	/* ... nor a withheld base. */
	assert_non_null(strstr(buf, "sexe.H,sexe,Hommes,<3,count,s,coop.total,,,primary\n"));
	assert_non_null(strstr(buf, "sexe.F,sexe,Femmes,s,count,s,coop.total,,,secondary\n"));
	/* The sheets are part of the public output: Le Quai's composition
	 * is not (group rule under its total of 2). */
	assert_non_null(strstr(buf, "le-quai:coop.total,,Coopérant·es accompagné·es sur la période,s,"));
	assert_non_null(strstr(buf, "le-quai:sexe.F,le-quai:sexe,Femmes,s,count,s,le-quai:coop.total,,,group\n"));
	free(buf);
	stats_destroy(s);

	/* Off: nothing withheld. */
	o.threshold = 0;
	s = stats_compute(f->m, &o);
	assert_int_equal(need(s, "sexe.H")->suppression, STAT_PUBLISHED);
	stats_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_loads_clean, setup_mini, teardown),
		cmocka_unit_test(test_enum_parsing),
		cmocka_unit_test_setup_teardown(test_bases, setup_mini, teardown),
		cmocka_unit_test_setup_teardown(test_bands, setup_mini, teardown),
		cmocka_unit_test_setup_teardown(test_finances, setup_mini, teardown),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test_setup_teardown(test_largest_remainder_option, setup_mini, teardown),
		cmocka_unit_test_setup_teardown(test_small_cells, setup_mini, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
