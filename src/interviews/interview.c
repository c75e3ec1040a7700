/* interview.c - the interviews object: storage, accessors and text folding.
 * Loading is in interview_load.c, the private first-name guard in
 * interview_names.c. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


#include "interview_int.h"
#include "text.h"
#include "util.h"
#include "xml_read.h"

/* --- storage --------------------------------------------------------------------- */

interviews *iv_new(void)
{
	return xcalloc(1, sizeof(interviews));
}

const char *iv_intern_path(interviews *iv, const char *path)
{
	for (size_t i = 0; i < iv->n_paths; i++)
		if (strcmp(iv->paths[i], path) == 0)
			return iv->paths[i];
	iv->paths = xreallocarray(iv->paths, iv->n_paths + 1, sizeof *iv->paths);
	iv->paths[iv->n_paths] = xstrdup(path);
	return iv->paths[iv->n_paths++];
}

/* Grow *arr (of *cap elements of size sz) so that it holds n + 1. */
static void *grow(void *arr, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(arr, *cap, sz);
}

iv_code *iv_add_code(interviews *iv)
{
	iv->codes = grow(iv->codes, &iv->cap_codes, iv->n_codes, sizeof *iv->codes);
	iv_code *c = &iv->codes[iv->n_codes++];
	memset(c, 0, sizeof *c);
	c->parent = -1;
	return c;
}

iv_card *iv_add_card(interviews *iv)
{
	iv->cards = grow(iv->cards, &iv->cap_cards, iv->n_cards, sizeof *iv->cards);
	iv_card *c = &iv->cards[iv->n_cards++];
	memset(c, 0, sizeof *c);
	c->copies = 1;
	return c;
}

iv_interview *iv_add_interview(interviews *iv)
{
	iv->items = grow(iv->items, &iv->cap_items, iv->n_items, sizeof *iv->items);
	iv_interview *it = &iv->items[iv->n_items++];
	memset(it, 0, sizeof *it);
	it->kpa = -1;
	it->first_excerpt = iv->n_excerpts;
	return it;
}

iv_excerpt *iv_add_excerpt(interviews *iv, char *text)
{
	size_t cap = iv->cap_excerpts;
	iv->excerpts = grow(iv->excerpts, &iv->cap_excerpts, iv->n_excerpts, sizeof *iv->excerpts);
	if (cap != iv->cap_excerpts)
		iv->texts = xreallocarray(iv->texts, iv->cap_excerpts, sizeof *iv->texts);
	iv->texts[iv->n_excerpts] = text;
	iv_excerpt *e = &iv->excerpts[iv->n_excerpts++];
	memset(e, 0, sizeof *e);
	e->card = -1;
	e->n_chars = iv_utf8_len(text);
	return e;
}

void interviews_destroy(interviews *iv)
{
	if (!iv)
		return;
	for (size_t i = 0; i < iv->n_codes; i++) {
		free(iv->codes[i].id);
		free(iv->codes[i].label);
		free(iv->codes[i].description);
	}
	for (size_t i = 0; i < iv->n_cards; i++) {
		free(iv->cards[i].id);
		free(iv->cards[i].label);
	}
	for (size_t i = 0; i < iv->n_items; i++) {
		iv_interview *it = &iv->items[i];
		free(it->id);
		free(it->kpa_id);
		free(it->kpa_name);
		free(it->pseudonym);
		free(it->place);
		free(it->modalities);
		free(it->experience);
		free(it->cards);
	}
	for (size_t i = 0; i < iv->n_excerpts; i++) {
		free(iv->excerpts[i].id);
		free(iv->excerpts[i].codes);
		free(iv->texts[i]);
	}
	for (size_t i = 0; i < iv->n_paths; i++)
		free(iv->paths[i]);
	free(iv->codes);
	free(iv->cards);
	free(iv->items);
	free(iv->excerpts);
	free(iv->texts);
	free(iv->paths);
	free(iv->missing);
	free(iv);
}

/* --- accessors ------------------------------------------------------------------- */

size_t interviews_code_count(const interviews *iv) { return iv->n_codes; }
const iv_code *interviews_code_at(const interviews *iv, size_t i) { return i < iv->n_codes ? &iv->codes[i] : NULL; }
size_t interviews_card_count(const interviews *iv) { return iv->n_cards; }
const iv_card *interviews_card_at(const interviews *iv, size_t i) { return i < iv->n_cards ? &iv->cards[i] : NULL; }
size_t interviews_count(const interviews *iv) { return iv->n_items; }
const iv_interview *interviews_at(const interviews *iv, size_t i) { return i < iv->n_items ? &iv->items[i] : NULL; }
size_t interviews_excerpt_count(const interviews *iv) { return iv->n_excerpts; }
const iv_excerpt *interviews_excerpt_at(const interviews *iv, size_t i) { return i < iv->n_excerpts ? &iv->excerpts[i] : NULL; }

int interviews_find_code(const interviews *iv, const char *id)
{
	for (size_t i = 0; i < iv->n_codes; i++)
		if (strcmp(iv->codes[i].id, id) == 0)
			return (int)i;
	return -1;
}

int interviews_find_card(const interviews *iv, const char *id)
{
	for (size_t i = 0; i < iv->n_cards; i++)
		if (strcmp(iv->cards[i].id, id) == 0)
			return (int)i;
	return -1;
}

int interviews_find(const interviews *iv, const char *id)
{
	for (size_t i = 0; i < iv->n_items; i++)
		if (strcmp(iv->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

bool interviews_code_within(const interviews *iv, size_t code, size_t anc)
{
	/* Parents come before children, so the walk always ends. */
	for (int c = (int)code; c >= 0; c = iv->codes[c].parent)
		if ((size_t)c == anc)
			return true;
	return false;
}

const char *interviews_role(model_sex gender)
{
	return gender == SEX_F ? "coopérante" : "coopérant";
}

static const char *const INTERVIEWER_CODES[IV_BY__COUNT] = {"accompagnant", "cooperant",
							     "binome"};

const char *interviews_interviewer_code(iv_interviewer who)
{
	return (unsigned)who < IV_BY__COUNT ? INTERVIEWER_CODES[who] : "";
}

bool interviews_present(const char *folder)
{
	char *p = xasprintf("%s/entretiens.xml", folder);
	struct stat st;
	bool ok = stat(p, &st) == 0;
	free(p);
	return ok;
}

/* --- text helpers ----------------------------------------------------------------- */

size_t iv_utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *iv_fold(const char *s)
{
	return text_normalize(s, TEXT_FOLD_CASE | TEXT_FOLD_MARKS | TEXT_FOLD_COMPAT);
}
