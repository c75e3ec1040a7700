/* chart_drawing.c - the drawing list of one chart: its ops, in order, and
 * the text handles they use, released through the measuring table. */
#include <stdlib.h>
#include <string.h>

#include "chart_geom.h"
#include "util.h"

struct chart_drawing {
	chart_op *ops;
	size_t n, cap;
	chart_text **texts;
	size_t n_texts, cap_texts;
	chart_text_ops text;
	int height;
	chart_cut *cuts; /* ascending y, each before the ops of what follows */
	size_t n_cuts;
};

chart_drawing *chart_drawing_create(const chart_text_ops *text)
{
	chart_drawing *dr = xcalloc(1, sizeof *dr);
	dr->text = *text;
	return dr;
}

void chart_drawing_destroy(chart_drawing *dr)
{
	if (!dr)
		return;
	for (size_t i = 0; i < dr->n; i++) {
		free((void *)dr->ops[i].path);
		free((void *)dr->ops[i].alt);
	}
	for (size_t i = 0; i < dr->n_texts; i++)
		dr->text.release(dr->text.ctx, dr->texts[i]);
	free(dr->ops);
	free(dr->texts);
	free(dr->cuts);
	free(dr);
}

void chart_drawing_push(chart_drawing *dr, const chart_op *op)
{
	if (dr->n == dr->cap) {
		dr->cap = dr->cap ? dr->cap * 2 : 64;
		dr->ops = xreallocarray(dr->ops, dr->cap, sizeof *dr->ops);
	}
	chart_op *o = &dr->ops[dr->n++];
	*o = *op;
	if (op->n_path) {
		chart_path_seg *p = xreallocarray(NULL, op->n_path, sizeof *p);
		memcpy(p, op->path, op->n_path * sizeof *p);
		o->path = p;
	} else
		o->path = NULL;
	o->alt = op->alt ? xstrdup(op->alt) : NULL;
}

chart_text *chart_drawing_text(chart_drawing *dr, const chart_text_req *req,
			       chart_text_metrics *out)
{
	if (dr->n_texts == dr->cap_texts) {
		dr->cap_texts = dr->cap_texts ? dr->cap_texts * 2 : 64;
		dr->texts = xreallocarray(dr->texts, dr->cap_texts, sizeof *dr->texts);
	}
	chart_text *t = dr->text.make(dr->text.ctx, req, out);
	dr->texts[dr->n_texts++] = t;
	return t;
}

void chart_drawing_set_height(chart_drawing *dr, int height)
{
	dr->height = height;
}

int chart_drawing_height(const chart_drawing *dr)
{
	return dr->height;
}

size_t chart_drawing_count(const chart_drawing *dr)
{
	return dr->n;
}

const chart_op *chart_drawing_op(const chart_drawing *dr, size_t i)
{
	return &dr->ops[i];
}

void chart_drawing_add_cut(chart_drawing *dr, int y)
{
	/* Only strictly below the previous cut: a cut at the same height
	 * would make an empty part. */
	if (dr->n_cuts && dr->cuts[dr->n_cuts - 1].y >= y)
		return;
	dr->cuts = xreallocarray(dr->cuts, dr->n_cuts + 1, sizeof *dr->cuts);
	dr->cuts[dr->n_cuts++] = (chart_cut){y, dr->n};
}

size_t chart_drawing_cut_count(const chart_drawing *dr)
{
	return dr->n_cuts;
}

chart_cut chart_drawing_cut(const chart_drawing *dr, size_t i)
{
	return dr->cuts[i];
}
