/* Unit tests for i18n.c and the translated pieces of diag.c and text.c: the
 * language follows the environment as docs/messages.md says, with or
 * without a generated French locale, and every part of a message (level,
 * field, "did you mean", summary with plurals) is in that language; so are
 * the texts printed outside diag_emit (the command line's). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_sink.h"

#include "i18n.h"
#include "text.h"

/* Set the four variables (NULL: unset) and choose the language again. */
static void environment(const char *language, const char *lc_all, const char *lc_messages,
			const char *lang)
{
	const char *names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	const char *values[] = {language, lc_all, lc_messages, lang};
	for (int i = 0; i < 4; i++)
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	i18n_init();
}

static bool french(void)
{
	return !strcmp(_("error: "), "erreur\u00a0: ");
}

static void test_language_rule(void **state)
{
	(void)state;
	/* LANG alone: French works without a generated fr_FR locale. */
	environment(NULL, NULL, NULL, "fr_FR.UTF-8");
	assert_true(french());
	environment(NULL, NULL, NULL, "C.UTF-8");
	assert_false(french());
	/* LANGUAGE first, then LC_ALL, LC_MESSAGES, LANG. */
	environment("fr", NULL, NULL, "C.UTF-8");
	assert_true(french());
	environment("de:fr", NULL, NULL, "fr_FR.UTF-8");
	assert_false(french());
	environment(NULL, "fr_BE.UTF-8", "en_GB.UTF-8", "en_GB.UTF-8");
	assert_true(french());
	environment(NULL, NULL, "fr_CA.UTF-8", "en_US.UTF-8");
	assert_true(french());
	environment(NULL, "en_US.UTF-8", "fr_FR.UTF-8", "fr_FR.UTF-8");
	assert_false(french());
	environment("", NULL, NULL, "fr_FR.UTF-8");
	assert_true(french());
	/* The plain C locale means English, whatever LANGUAGE says (as GNU
	 * gettext does), so LC_ALL=C gives English messages to a script. */
	environment("fr", "C", NULL, NULL);
	assert_false(french());
	environment("fr", NULL, NULL, "POSIX");
	assert_false(french());
	environment(NULL, NULL, NULL, NULL);
	assert_false(french());
	environment("", "C.UTF-8", NULL, NULL);
}

static void test_message_pieces_in_french(void **state)
{
	(void)state;
	environment("fr", "C.UTF-8", NULL, NULL);
	sink s;
	sink_open(&s);
	static const char *const cands[] = {"sexe", "kpa"};
	diag_emit(s.d, DIAG_ERROR, SRC_LOC("activite.csv", 2, 3), "sexe",
		  "expected F or H (or Femme, Homme), found \"%s\"", "X");
	diag_emit(s.d, DIAG_WARNING, SRC_LOC("fiche.xml", 4, 0), NULL, "unknown element <%s>%s",
		  "sex", text_did_you_mean("sex", cands, 2).s);
	diag_summary(s.d);
	assert_string_equal(sink_text(&s),
			    "recit: activite.csv:2:3: erreur\u00a0: «\u00a0sexe\u00a0»\u00a0: attendu F ou H "
			    "(ou Femme, Homme), trouvé «\u00a0X\u00a0»\n"
			    "recit: fiche.xml:4: avertissement\u00a0: élément <sex> inconnu (vouliez-vous "
			    "dire «\u00a0sexe\u00a0»\u202f?)\n"
			    "recit: 1 erreur, 1 avertissement\n");
	sink_close(&s);

	sink_open(&s);
	diag_sink_destroy(s.d);
	s.d = diag_sink_create(s.mem, 2);
	for (int i = 0; i < 3; i++)
		diag_emit(s.d, DIAG_ERROR, SRC_LOC("a", i + 1, 0), NULL, "out of memory");
	diag_summary(s.d);
	assert_string_equal(sink_text(&s),
			    "recit: a:1: erreur\u00a0: mémoire insuffisante\n"
			    "recit: a:2: erreur\u00a0: mémoire insuffisante\n"
			    "recit: remarque\u00a0: plus de 2 problèmes\u202f; les suivants sont comptés "
			    "mais pas affichés\n"
			    "recit: 3 erreurs, 0 avertissement\n");
	sink_close(&s);
	environment("", "C.UTF-8", NULL, NULL);
}

/* Texts of the command line and of the templates that are not formatted by
 * diag_emit: the help's pieces, the plurals of the summaries (French counts
 * 0 and 1 as singular), a piece appended to a template message. */
static void test_texts_printed_outside_diag(void **state)
{
	(void)state;
	environment("fr", "C.UTF-8", NULL, NULL);
	assert_string_equal(_("usage: "), "usage\u00a0: ");
	assert_string_equal(_("%s (default: %s)"), "%s (par défaut\u00a0: %s)");
	assert_string_equal(ngettext("wrote %s (%zu page) in %.0f ms",
				     "wrote %s (%zu pages) in %.0f ms", 1),
			    "%s écrit (%zu page) en %.0f ms");
	assert_string_equal(ngettext("wrote %s (%zu page) in %.0f ms",
				     "wrote %s (%zu pages) in %.0f ms", 56),
			    "%s écrit (%zu pages) en %.0f ms");
	assert_string_equal(ngettext("wrote %zu of %zu sheet to %s in %.1f s (%s)",
				     "wrote %zu of %zu sheets to %s in %.1f s (%s)", 0),
			    "%zu sur %zu fiche écrite dans %s en %.1f s (%s)");
	assert_string_equal(_(" (no loop is open here)"), " (aucune boucle n’est ouverte ici)");

	environment("", "C.UTF-8", NULL, NULL);
	assert_string_equal(_("usage: "), "usage: ");
	assert_string_equal(ngettext("wrote %s (%zu page) in %.0f ms",
				     "wrote %s (%zu pages) in %.0f ms", 56),
			    "wrote %s (%zu pages) in %.0f ms");
}

static void test_message_pieces_in_english(void **state)
{
	(void)state;
	environment("", "C.UTF-8", NULL, NULL);
	sink s;
	sink_open(&s);
	diag_emit(s.d, DIAG_ERROR, SRC_LOC("a.csv", 2, 0), "x", "unknown column, ignored");
	diag_emit(s.d, DIAG_WARNING, SRC_LOC_NONE, NULL, "unknown column, ignored");
	/* The same message again is the same problem: given once. */
	diag_emit(s.d, DIAG_WARNING, SRC_LOC_NONE, NULL, "unknown column, ignored");
	diag_emit(s.d, DIAG_WARNING, SRC_LOC("b.csv", 1, 0), NULL, "unknown column, ignored");
	diag_summary(s.d);
	assert_string_equal(sink_text(&s), "recit: a.csv:2: error: \"x\": unknown column, ignored\n"
					   "recit: warning: unknown column, ignored\n"
					   "recit: b.csv:1: warning: unknown column, ignored\n"
					   "recit: 1 error, 2 warnings\n");
	sink_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_language_rule),
		cmocka_unit_test(test_message_pieces_in_french),
		cmocka_unit_test(test_texts_printed_outside_diag),
		cmocka_unit_test(test_message_pieces_in_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
