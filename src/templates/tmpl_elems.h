/* tmpl_elems.h - the layout template language as one table: every element
 * with its attributes (and the words an attribute takes, where it takes
 * only a few), the function that expands it, and one line of
 * documentation. The loader checks names against it (with "did you mean"),
 * the expander dispatches through it, tests/unit/test_tmpl_elems.c keeps
 * layouts/recit-layout.rng and docs/templates.md in step with it.
 *
 * Each file of elements holds its own entries beside their handlers (a
 * "family": tmpl_family_charts in tmpl_charts.c...); tmpl_elems.c gathers
 * the families into the vocabulary. Changing an element is changing its
 * entry, its handler next to it, the schema and the docs (the test says
 * what is out of step). */
#ifndef RECIT_TMPL_ELEMS_H
#define RECIT_TMPL_ELEMS_H

#include <stddef.h>

#include "tmpl_int.h"

#define TMPL_MAX_ATTRS 20
#define TMPL_MAX_WORDS 4

/* An attribute: its name, then the words it takes when it takes only a few
 * ({"tri", "decroissant", "croissant", "aucun"}), then NULL. */
typedef const char *tmpl_attr_spec[1 + TMPL_MAX_WORDS + 1];

/* Expands a body element into blocks of x->out. */
typedef void (*tmpl_block_fn)(tmpl_ctx *x, const tmpl_file *f, xmlNode *n);
/* A loop, conditional or include: walks its content with visit. */
typedef void (*tmpl_flow_fn)(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, tmpl_visit_fn visit,
			     void *arg);

typedef struct {
	const char *name;
	/* What it does, one line of markdown (docs/templates.md, « Element
	 * index », is generated from it). */
	const char *doc;
	/* A body element: its blocks. NULL for the root, for parts of another
	 * element (read by that element's handler) and for flow elements. */
	tmpl_block_fn block;
	/* A flow element (tmpl_flow.c), resolved wherever it appears. */
	tmpl_flow_fn flow;
	tmpl_attr_spec attrs[TMPL_MAX_ATTRS]; /* up to the first without a name */
} tmpl_elem;

/* The entries of one file. */
typedef struct {
	const tmpl_elem *elems;
	size_t n;
} tmpl_elem_family;

/* A vocabulary: families, in the order "did you mean" prefers on ties. */
typedef struct {
	const tmpl_elem_family *const *families;
	size_t n;
} tmpl_vocab;

extern const tmpl_elem_family tmpl_family_outline;    /* tmpl_outline.c */
extern const tmpl_elem_family tmpl_family_text;       /* tmpl_text.c */
extern const tmpl_elem_family tmpl_family_tiles;      /* tmpl_tiles.c */
extern const tmpl_elem_family tmpl_family_charts;     /* tmpl_charts.c */
extern const tmpl_elem_family tmpl_family_tables;     /* tmpl_tables.c */
extern const tmpl_elem_family tmpl_family_flow;       /* tmpl_flow.c */
extern const tmpl_elem_family tmpl_family_fiche;      /* tmpl_fiche.c */
extern const tmpl_elem_family tmpl_family_image;      /* tmpl_image.c */
extern const tmpl_elem_family tmpl_family_interviews; /* tmpl_interviews.c */
extern const tmpl_elem_family tmpl_family_segment;    /* tmpl_iv_segment.c */

/* Layout templates (the layouts folder, recit-layout.rng) and narrative
 * files (inputs/narratif/, recit-narratif.rng). */
extern const tmpl_vocab tmpl_layout_vocab;
extern const tmpl_vocab tmpl_narrative_vocab;

size_t tmpl_vocab_count(const tmpl_vocab *v);
/* The i-th element, families in order; NULL past the end. */
const tmpl_elem *tmpl_vocab_at(const tmpl_vocab *v, size_t i);
/* The element named name, or NULL. */
const tmpl_elem *tmpl_vocab_find(const tmpl_vocab *v, const char *name);
/* How many attributes e takes. */
size_t tmpl_elem_n_attrs(const tmpl_elem *e);
/* The attribute of e named name (its name, then its words), or NULL. */
const char *const *tmpl_elem_attr(const tmpl_elem *e, const char *name);
/* How many words an attribute takes (0: any text); they follow its name. */
size_t tmpl_attr_n_words(const char *const *attr);

#endif
