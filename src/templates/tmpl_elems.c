/* tmpl_elems.c - the vocabularies of templates and narrative files, and
 * lookups in them (tmpl_elems.h). The layout vocabulary gathers the
 * families of elements in the order "did you mean" prefers on ties; the
 * narrative vocabulary is the few elements coordinators write, expanded by
 * the same handlers once loaded. */
#include <string.h>

#include "tmpl_elems.h"

static const tmpl_elem_family *const layout_families[] = {
	&tmpl_family_outline, &tmpl_family_text,  &tmpl_family_tiles,
	&tmpl_family_charts,  &tmpl_family_tables, &tmpl_family_flow,
	&tmpl_family_fiche,   &tmpl_family_image, &tmpl_family_interviews,
	&tmpl_family_segment,
};

const tmpl_vocab tmpl_layout_vocab = {layout_families,
				      sizeof layout_families / sizeof *layout_families};

/* Names only: the layout element of the same name says what each does.
 * The root <texte> takes no attribute here. */
static const tmpl_elem narrative_elems[] = {
	{"texte", "the root of a narrative file", NULL, NULL, {{NULL}}},
	{"section", NULL, NULL, NULL, {{"id"}, {"titre"}}},
	{"chapeau", NULL, NULL, NULL, {{NULL}}},
	{"p", NULL, NULL, NULL, {{NULL}}},
	{"liste", NULL, NULL, NULL, {{NULL}}},
	{"item", NULL, NULL, NULL, {{NULL}}},
	{"citation", NULL, NULL, NULL, {{"source"}}},
	{"em", NULL, NULL, NULL, {{NULL}}},
	{"fort", NULL, NULL, NULL, {{NULL}}},
	{"note", NULL, NULL, NULL, {{NULL}}},
};

static const tmpl_elem_family narrative_family = {narrative_elems,
						  sizeof narrative_elems / sizeof *narrative_elems};
static const tmpl_elem_family *const narrative_families[] = {&narrative_family};

const tmpl_vocab tmpl_narrative_vocab = {narrative_families, 1};

size_t tmpl_vocab_count(const tmpl_vocab *v)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++)
		n += v->families[i]->n;
	return n;
}

const tmpl_elem *tmpl_vocab_at(const tmpl_vocab *v, size_t i)
{
	for (size_t k = 0; k < v->n; k++) {
		if (i < v->families[k]->n)
			return &v->families[k]->elems[i];
		i -= v->families[k]->n;
	}
	return NULL;
}

const tmpl_elem *tmpl_vocab_find(const tmpl_vocab *v, const char *name)
{
	for (size_t k = 0; k < v->n; k++)
		for (size_t i = 0; i < v->families[k]->n; i++)
			if (!strcmp(v->families[k]->elems[i].name, name))
				return &v->families[k]->elems[i];
	return NULL;
}

size_t tmpl_elem_n_attrs(const tmpl_elem *e)
{
	size_t n = 0;
	while (n < TMPL_MAX_ATTRS && e->attrs[n][0])
		n++;
	return n;
}

const char *const *tmpl_elem_attr(const tmpl_elem *e, const char *name)
{
	for (size_t i = 0; i < tmpl_elem_n_attrs(e); i++)
		if (!strcmp(e->attrs[i][0], name))
			return e->attrs[i];
	return NULL;
}

size_t tmpl_attr_n_words(const char *const *attr)
{
	size_t n = 0;
	while (n < TMPL_MAX_WORDS && attr[1 + n])
		n++;
	return n;
}
