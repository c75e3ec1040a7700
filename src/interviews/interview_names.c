/* interview_names.c - the private first-name guard: a list of real first
 * names kept outside the inputs folder; any excerpt that contains one stops
 * the run, without the name being printed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>


#include "interview_int.h"
#include "util.h"
#include "xml_read.h"

/* --- private first names --------------------------------------------------------------- */

const char *interviews_private_names_path(const char *option)
{
	if (option && *option)
		return option;
	const char *env = getenv("RECIT_PRENOMS_PRIVES");
	return env && *env ? env : NULL;
}

/* A byte of folded text that can be part of a word: ASCII letters and digits,
 * and any byte of a non-ASCII character that folding kept (letters of other
 * scripts). Typographic punctuation (’ « » …) is not a word character. */
static bool word_byte(const unsigned char *s, size_t i)
{
	unsigned char c = s[i];
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	/* Find the lead byte of this character. */
	size_t j = i;
	while (j > 0 && (s[j] & 0xC0) == 0x80)
		j--;
	unsigned char lead = s[j];
	if (lead == 0xE2) /* U+2000-U+2FFF: punctuation, spaces, symbols */
		return false;
	if (lead == 0xC2) /* U+0080-U+00BF: « » nbsp ° ... */
		return false;
	return true;
}

static bool contains_word(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return false;
	const unsigned char *h = (const unsigned char *)hay;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		size_t at = (size_t)(p - hay);
		bool left = at == 0 || !word_byte(h, at - 1);
		bool right = h[at + n] == '\0' || !word_byte(h, at + n);
		if (left && right)
			return true;
	}
	return false;
}

static void wipe_free(char *s)
{
	if (!s)
		return;
	volatile char *v = s;
	while (*v)
		*v++ = '\0';
	free(s);
}

int interviews_check_private_names(diag_sink *d, interviews *iv, const char *path)
{
	if (!path || !*path)
		return 0;
	size_t len = 0;
	char *data = read_file(path, (size_t)4 << 20, &len);
	if (!data) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "cannot read the private list of first names: %s", read_file_error(errno));
		return -1;
	}
	/* Folded names, one per non-comment line; entry numbers for messages. */
	char **names = NULL;
	int *lines = NULL;
	size_t n = 0;
	int line = 0;
	for (char *l = data, *next; l && l < data + len; l = next) {
		/* Line by line, blank lines included, so entry numbers match an editor's. */
		next = strchr(l, '\n');
		if (next)
			*next++ = '\0';
		line++;
		if (line == 1 && (unsigned char)l[0] == 0xEF && (unsigned char)l[1] == 0xBB &&
		    (unsigned char)l[2] == 0xBF)
			l += 3;
		char *end = l + strlen(l);
		while (end > l && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		while (*l == ' ' || *l == '\t')
			l++;
		if (!*l || *l == '#')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		lines = xreallocarray(lines, n + 1, sizeof *lines);
		names[n] = iv_fold(l);
		lines[n++] = line;
	}
	/* The raw list is not needed any more: do not leave it in memory. */
	memset(data, 0, len);
	free(data);
	int refused = 0;
	for (size_t i = 0; i < iv->n_excerpts; i++) {
		char *f = iv_fold(iv->texts[i]);
		for (size_t k = 0; k < n; k++)
			if (contains_word(f, names[k])) {
				iv_excerpt *e = &iv->excerpts[i];
				e->name_refused = true;
				refused++;
				diag_emit(d, DIAG_ERROR, e->loc, "extrait",
					  "excerpt %s of interview %s contains a first name from the "
					  "private list (entry on line %d of %s): replace it with a "
					  "pseudonym or [prénom]",
					  e->id, iv->items[e->interview].id, lines[k], path);
				break;
			}
		free(f);
	}
	for (size_t i = 0; i < iv->n_items; i++) {
		char *f = iv_fold(iv->items[i].experience);
		for (size_t k = 0; k < n; k++)
			if (contains_word(f, names[k])) {
				refused++;
				diag_emit(d, DIAG_ERROR, iv->items[i].loc, "ressenti",
					  "the notes on how interview %s went contain a first name from "
					  "the private list (entry on line %d of %s): replace it",
					  iv->items[i].id, lines[k], path);
				break;
			}
		free(f);
		f = iv_fold(iv->items[i].pseudonym);
		for (size_t k = 0; k < n; k++)
			if (strcmp(f, names[k]) == 0) {
				diag_emit(d, DIAG_WARNING, iv->items[i].loc, "pseudonyme",
					  "the pseudonym of interview %s is a first name from the "
					  "private list (entry on line %d of %s): choose another",
					  iv->items[i].id, lines[k], path);
				break;
			}
		free(f);
	}
	for (size_t k = 0; k < n; k++)
		wipe_free(names[k]);
	free(names);
	free(lines);
	return refused;
}
