/* Unit tests for qdpx.c: the hand-made REFI-QDA fixture imports with the right
 * codes, offsets, merged selections, variables and consent; the result
 * round-trips through grille.xml/entretiens.xml; hostile archives ('..'
 * entries, absolute paths, zip bombs) are refused with clear messages. */
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

#include "test_sink.h"
#include <zip.h>

#include "interview_int.h"
#include "qdpx.h"
#include "outfile.h"
#include "util.h"


typedef struct {
	const char *name;
	const char *data; /* NULL: `size` zero bytes */
	size_t size;
} entry;

/* Build a zip with libzip (deflate), as QDA tools do. */
static void make_zip(const char *path, const entry *e, size_t n)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++) {
		void *buf = e[i].data ? xstrndup(e[i].data, e[i].size) : xcalloc(e[i].size, 1);
		zip_source_t *src = zip_source_buffer(z, buf, e[i].size, 1);
		assert_non_null(src);
		assert_true(zip_file_add(z, e[i].name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
}

static char *fixture(const char *rel, size_t *len)
{
	const char *srcdir = getenv("RECIT_SOURCE_DIR");
	char *p = xasprintf("%s/tests/fixtures/interviews-qdpx/%s", srcdir ? srcdir : ".", rel);
	char *data = read_file(p, 1 << 20, len);
	free(p);
	assert_non_null(data);
	return data;
}

static char tmpdir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/recit-qdpx-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	(void)rc;
	free(cmd);
	return 0;
}

#define SOURCE "sources/5B1C0E2A-0000-4000-8000-000000000001.txt"

static char *fixture_qdpx(void)
{
	size_t lq = 0, ls = 0;
	char *qde = fixture("project.qde", &lq);
	char *txt = fixture(SOURCE, &ls);
	char *path = xasprintf("%s/essai.qdpx", tmpdir);
	entry e[] = {{"project.qde", qde, lq}, {SOURCE, txt, ls}};
	make_zip(path, e, 2);
	free(qde);
	free(txt);
	return path;
}

static void test_import_fixture(void **state)
{
	(void)state;
	char *path = fixture_qdpx();
	sink s;
	sink_open(&s);
	interviews *iv = qdpx_read(s.d, path, NULL);
	assert_non_null(iv);
	/* Only notes: each variable and what it was read as. */
	assert_null(strstr(sink_text(&s), "warning"));
	assert_null(strstr(sink_text(&s), "error"));
	assert_non_null(strstr(sink_text(&s), "note: variable \"anciennete_mois\" read as "
					      "anciennete_mois: 1 value(s) imported, 0 malformed"));
	sink_close(&s);
	sink_open(&s);
	/* Meta codes ("_Usage interne", "_Ne pas citer") are not imported. */
	assert_int_equal(interviews_code_count(iv), 4);
	assert_string_equal(interviews_code_at(iv, 0)->id, "competences-psychosociales");
	assert_string_equal(interviews_code_at(iv, 0)->description, "Rapport aux autres et à soi.");
	assert_string_equal(interviews_code_at(iv, 1)->id, "confiance-en-soi");
	assert_int_equal(interviews_code_at(iv, 1)->parent, 0);
	assert_string_equal(interviews_code_at(iv, 2)->label, "Sortir de l'isolement");
	assert_int_equal(interviews_count(iv), 1);
	const iv_interview *it = interviews_at(iv, 0);
	assert_string_equal(it->id, "entretien-qc-01");
	assert_string_equal(it->kpa_id, "coop-manau");
	assert_int_equal(it->gender, SEX_M);
	assert_int_equal(it->age_years, 26);
	assert_int_equal(it->age_band, AGE_25_39);
	assert_int_equal(it->months_in_kpa, 9); /* "9.0" from a Float variable */
	assert_int_equal(it->date.y, 2023); /* from the Case, not creationDateTime */
	assert_int_equal(it->date.d, 12);
	assert_int_equal(it->n_cards, 2);
	/* Two selections with the same span are one excerpt with two codes. */
	assert_int_equal(interviews_excerpt_count(iv), 3);
	/* Offsets are code points after the BOM: accents do not shift them. */
	assert_string_equal(iv->texts[0], "Au début je n'osais pas répondre au téléphone, maintenant "
					  "je prends les commandes tout seul.");
	assert_int_equal(iv->excerpts[1].n_codes, 2);
	assert_true(iv->excerpts[0].consent);
	assert_true(iv->excerpts[1].consent);
	/* Coded "_Ne pas citer": consent is no. */
	assert_false(iv->excerpts[2].consent);
	assert_int_equal(iv->excerpts[2].n_codes, 1);

	/* Round trip: written files load back without a message. */
	char *out = xasprintf("%s/entretiens", tmpdir);
	assert_int_equal(interviews_save(s.d, iv, out, false), 0);
	interviews *back = interviews_load(s.d, out, NULL);
	assert_string_equal(sink_text(&s), "");
	assert_int_equal(interviews_excerpt_count(back), 3);
	assert_string_equal(back->texts[1], iv->texts[1]);
	assert_false(back->excerpts[2].consent);
	assert_int_equal(interviews_at(back, 0)->age_years, 26);
	/* A second save refuses to overwrite. */
	assert_int_equal(interviews_save(s.d, iv, out, false), -1);
	assert_non_null(strstr(sink_text(&s), "grille.xml: error: already exists: not overwritten "
					      "(use --force to replace it)"));
	interviews_destroy(back);
	interviews_destroy(iv);
	free(out);
	sink_close(&s);
	free(path);
}

static void expect_refused(const entry *e, size_t n, const zip_limits *lim, const char *msg)
{
	char *path = xasprintf("%s/bad.qdpx", tmpdir);
	make_zip(path, e, n);
	sink s;
	sink_open(&s);
	interviews *iv = qdpx_read(s.d, path, lim);
	assert_null(iv);
	char *want = xasprintf("recit: %s: error: %s\n", path, msg);
	assert_string_equal(sink_text(&s), want);
	free(want);
	sink_close(&s);
	free(path);
}

static const char QDE[] = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"/>";

static void test_dotdot_entry_refused(void **state)
{
	(void)state;
	entry e[] = {{"project.qde", QDE, sizeof QDE - 1}, {"sources/../../evil.txt", "x", 1}};
	expect_refused(e, 2, NULL,
		       "refused: entry \"sources/../../evil.txt\" has an absolute path or a \"..\" "
		       "component");
}

static void test_absolute_entry_refused(void **state)
{
	(void)state;
	entry e[] = {{"project.qde", QDE, sizeof QDE - 1}, {"/etc/cron.d/x", "x", 1}};
	expect_refused(e, 2, NULL,
		       "refused: entry \"/etc/cron.d/x\" has an absolute path or a \"..\" component");
}

static void test_bomb_refused(void **state)
{
	(void)state;
	/* 8 MiB of zeros deflate to a few KiB: far over 100:1. */
	entry e[] = {{"project.qde", QDE, sizeof QDE - 1}, {"sources/a.txt", NULL, (size_t)8 << 20}};
	char *path = xasprintf("%s/bomb.qdpx", tmpdir);
	make_zip(path, e, 2);
	sink s;
	sink_open(&s);
	assert_null(qdpx_read(s.d, path, NULL));
	assert_non_null(strstr(sink_text(&s), "error: refused: entry \"sources/a.txt\" inflates "));
	assert_non_null(strstr(sink_text(&s), "to 8388608 (ratio over 100:1, a zip bomb?)"));
	sink_close(&s);
	free(path);
}

static void test_size_caps(void **state)
{
	(void)state;
	zip_limits lim = {10, 1000, 1500, 100};
	char big[1200];
	memset(big, 'a', sizeof big);
	entry e[] = {{"project.qde", QDE, sizeof QDE - 1}, {"sources/a.txt", big, sizeof big}};
	expect_refused(e, 2, &lim, "refused: entry \"sources/a.txt\" would inflate to 1200 bytes, the limit is 1000");
	entry f[] = {{"sources/a.txt", big, 900}, {"sources/b.txt", big, 900}};
	expect_refused(f, 2, &lim, "refused: the archive would inflate to more than 1500 bytes");
}

static void test_not_a_zip(void **state)
{
	(void)state;
	char *path = xasprintf("%s/plain.qdpx", tmpdir);
	assert_int_equal(write_file_atomic(path, "hello", 5), 0);
	sink s;
	sink_open(&s);
	assert_null(qdpx_read(s.d, path, NULL));
	assert_non_null(strstr(sink_text(&s), "error: expected a REFI-QDA project (.qdpx, a zip "
					      "archive), cannot open it: Not a zip archive"));
	sink_close(&s);
	free(path);
}


/* A synthetic project as real exports write them
 * (tests/fixtures/interviews-qdpx/tool-export): a CRLF source whose
 * positions count a line end as one character (QualCoder's MAXQDA option),
 * positions after non-ASCII text, the same words at two places, a span coded
 * twice, a case linked through a selection's guid and one through a guid
 * that is nowhere, unknown and malformed variables, a code on a whole
 * source, and two bad selections among good ones. */
#define G(n) "00000000-0000-4000-8000-0000000000" #n
static void test_tool_exports(void **state)
{
	(void)state;
	char *path = xasprintf("%s/outil.qdpx", tmpdir);
	size_t lq = 0, la = 0, lb = 0;
	char *qde = fixture("tool-export/project.qde", &lq);
	char *ta = fixture("tool-export/sources/a.txt", &la);
	char *tb = fixture("tool-export/sources/b.txt", &lb);
	entry e[] = {{"project.qde", qde, lq}, {"sources/a.txt", ta, la}, {"sources/b.txt", tb, lb}};
	make_zip(path, e, 3);
	free(qde);
	free(ta);
	free(tb);
	sink s;
	sink_open(&s);
	interviews *iv = qdpx_read(s.d, path, NULL);
	assert_non_null(iv);
	const char *t = sink_text(&s);
	assert_null(strstr(t, "error"));
	/* CRLF source: positions counting a line end as one, verified by the
	 * stored names; the selection whose name differs is skipped. */
	assert_int_equal(interviews_at(iv, 0)->n_excerpts, 2);
	assert_string_equal(iv->texts[0], "J’ai appris à parler en public.");
	assert_string_equal(iv->texts[1], "Ensuite j’ai créé mon devis.");
	assert_non_null(strstr(t, "selection of source \"A\" skipped: the text at positions 0 to 8 "
				  "differs from the text the QDA tool stored"));
	/* The case reached source A through a selection's guid. */
	assert_int_equal(interviews_at(iv, 0)->months_in_kpa, 27);
	assert_int_equal(interviews_at(iv, 0)->age_years, 31);
	assert_non_null(strstr(t, "case \"Perdu\" refers to \"" G(99) "\", which is no source"));
	/* Same words at two places are two excerpts; one span coded twice is
	 * one excerpt with two codes; the span past the end is skipped. */
	assert_int_equal(interviews_at(iv, 1)->n_excerpts, 3);
	assert_string_equal(iv->texts[2], "Oui.");
	assert_string_equal(iv->texts[3], "Oui.");
	assert_string_equal(iv->texts[4], "Ça m’a aidé.");
	assert_int_equal(iv->excerpts[4].n_codes, 2);
	assert_non_null(strstr(t, "selection of source \"B\" skipped: expected 0 <= startPosition < "
				  "endPosition within the text, found 30 and 400"));
	/* Variables: each reported; unknown and malformed ones said. */
	assert_non_null(strstr(t, "variable \"Couleur préférée\" is not one Récit reads"));
	assert_non_null(strstr(t, "variable \"Ancienneté (mois)\" read as anciennete_mois: 1 value(s) "
				  "imported, 0 malformed"));
	assert_non_null(strstr(t, "variable \"Consentement\": expected oui or non (true or false), "
				  "found \"peut-être\""));
	assert_non_null(strstr(t, "code \"Réseau\" is applied to the whole source \"A\""));
	assert_non_null(strstr(t, "2 selection(s) or source(s) not imported"));
	interviews_destroy(iv);
	sink_close(&s);
	free(path);
}

/* --force replaces both files or neither: when entretiens.xml cannot be
 * written, grille.xml keeps its previous content. */
static void test_pair_replaced_together(void **state)
{
	(void)state;
	char *path = fixture_qdpx();
	sink s;
	sink_open(&s);
	interviews *iv = qdpx_read(s.d, path, NULL);
	char *out = xasprintf("%s/pair", tmpdir);
	assert_int_equal(mkdir(out, 0777), 0);
	char *grille = xasprintf("%s/grille.xml", out), *entretiens = xasprintf("%s/entretiens.xml", out);
	assert_int_equal(write_file_atomic(grille, "ancienne", 8), 0);
	/* A folder where entretiens.xml goes: the rename over it fails. */
	assert_int_equal(mkdir(entretiens, 0777), 0);
	assert_int_equal(interviews_save(s.d, iv, out, true), -1);
	size_t len = 0;
	char *g = read_file(grille, 1 << 20, &len);
	assert_string_equal(g, "ancienne");
	free(g);
	assert_non_null(strstr(sink_text(&s), "entretiens.xml: error: cannot write"));
	free(grille);
	free(entretiens);
	free(out);
	interviews_destroy(iv);
	sink_close(&s);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_fixture, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dotdot_entry_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_absolute_entry_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bomb_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_size_caps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_zip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tool_exports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pair_replaced_together, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
