/* tmpl_tiles.c - key-figure tiles: a row of big values, each with what it
 * is and its base (« 73 % / de femmes / n = 267 coopérant·es »). */
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "tmpl_elems.h"

typedef struct {
	doc_tile *tiles;
	size_t n;
} tile_acc;

/* part="figure": the share, its label and its base, from the figure. */
static bool share_tile(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, doc_tile *t)
{
	const stat_figure *fig = tmpl_figure_attr(x, f, n, "part", NULL);
	if (!fig || fig->not_collected)
		return false; /* data not collected: the tile is left out, not « 0 % » */
	if (fig->percent < 0 || fig->base <= 0) {
		tmpl_error(x, f->path, tmpl_line(n),
			   "figure \"%s\" is not a share: use valeur=\"{%s}\" instead of part",
			   fig->id, fig->id);
		return false;
	}
	char cnt[FMT_CAP], base[FMT_CAP];
	bool sup = tmpl_count_text(x, fig, cnt, sizeof cnt);
	tmpl_base_text(x, fig->base_id, fig->base, base, sizeof base);
	char *unit = tmpl_attr_eval(x, f, n, "unite", TMPL_MARKUP, "coopérant·es");
	t->value = tmpl_share_text(x, fig);
	t->label = tmpl_attr_eval(x, f, n, "libelle", TMPL_MARKUP, NULL);
	if (!t->label)
		t->label = doc_escape(fig->label);
	t->detail = tmpl_attr_eval(x, f, n, "detail", TMPL_MARKUP, NULL);
	/* A withheld value says what its mark means on the tile itself, so
	 * that a sheet printed alone explains it without a line more. */
	tmpl_mark mark = sup ? tmpl_withheld_mark(cnt) : TMPL_MARK_NONE;
	if (!t->detail && mark == TMPL_MARK_BELOW_K)
		t->detail = xasprintf("moins de %d, n = %s %s",
				      stats_threshold(x->s) > 0 ? stats_threshold(x->s) : x->k, base,
				      unit);
	else if (!t->detail && mark == TMPL_MARK_SECRET)
		t->detail = xasprintf("non diffusé, n = %s %s", base, unit);
	else if (!t->detail)
		t->detail = tmpl_attr_is(n, "effectif", "oui") && !sup
				    ? xasprintf("soit %s sur %s %s", cnt, base, unit)
				    : xasprintf("n = %s %s", base, unit);
	free(unit);
	return true;
}

static void tile(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	tile_acc *a = arg;
	doc_tile t = {0};
	if (tmpl_has_attr(n, "part")) {
		if (!share_tile(x, f, n, &t))
			return;
	} else if (tmpl_has_attr(n, "valeur")) {
		t.value = tmpl_attr_eval(x, f, n, "valeur", TMPL_MARKUP, NULL);
		t.label = tmpl_attr_eval(x, f, n, "libelle", TMPL_MARKUP, "");
		t.detail = tmpl_attr_eval(x, f, n, "detail", TMPL_MARKUP, NULL);
	} else {
		tmpl_error(x, f->path, tmpl_line(n), "<tuile> needs part=\"figure\" or valeur=\"...\"");
		return;
	}
	a->tiles = xreallocarray(a->tiles, a->n + 1, sizeof *a->tiles);
	a->tiles[a->n++] = t;
}

static void tiles(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	tile_acc a = {0};
	tmpl_walk(x, f, n, tile, &a);
	if (a.n == 0)
		return; /* every tile left out (data not collected): no empty row */
	doc_block *b = doc_append(x->out, DOC_TILES);
	b->origin = tmpl_origin(f, n);
	b->tiles = a.tiles;
	b->n_tiles = a.n;
}

static const tmpl_elem elems[] = {
	{"tuiles", "a row of key-figure tiles, one per `<tuile>`", tiles, NULL, {{NULL}}},
	{"tuile",
	 "in `<tuiles>`: a share (`part`) or any value (`valeur`), with its label and detail",
	 NULL, NULL,
	 {{"part"}, {"valeur"}, {"libelle"}, {"detail"}, {"unite"}, {"effectif", "oui", "non"}}},
};

const tmpl_elem_family tmpl_family_tiles = {elems, sizeof elems / sizeof *elems};
