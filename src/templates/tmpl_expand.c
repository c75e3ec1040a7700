/* tmpl_expand.c - expanding a loaded template into the document tree: each
 * body element goes to the handler its entry of the element table names
 * (tmpl_elems.h), and the handlers come back here through
 * tmpl_ctx.expand_body when their content is more body. Also the three
 * entry points: the report, the report with the interviews, and one
 * identity sheet on its own. */
#include <stdlib.h>

#include "tmpl_elems.h"

static void body(tmpl_ctx *x, const tmpl_file *f, xmlNode *n, void *arg)
{
	(void)arg;
	const tmpl_elem *e = tmpl_vocab_find(&tmpl_layout_vocab, (const char *)n->name);
	if (e && e->block)
		e->block(x, f, n);
	else
		tmpl_error(x, f->path, tmpl_line(n), "<%s> is not allowed here", n->name);
}

static void expand_body(tmpl_ctx *x, const tmpl_file *f, xmlNode *parent)
{
	tmpl_walk(x, f, parent, body, NULL);
}

/* The PDF's date: the report's, never the clock; "" when not set. */
static void report_date(const model_settings *set, char date[static 11])
{
	date[0] = '\0';
	if (date_is_set(set->report_date))
		date_iso(set->report_date, date);
}

/* The document, or NULL (and destroyed) after any error. */
static doc *finish(tmpl_ctx *x)
{
	tmpl_iv_finish(x);
	tmpl_year_finish(x);
	strset_destroy(x->ids);
	if (x->errors > 0) {
		doc_destroy(x->out);
		return NULL;
	}
	return x->out;
}

doc *tmpl_build(diag_sink *d, const tmpl *t, const model *m, const stats *s)
{
	return tmpl_build_with_interviews(d, t, m, s, NULL);
}

doc *tmpl_build_with_interviews(diag_sink *d, const tmpl *t, const model *m, const stats *s,
				const interviews *iv)
{
	const model_settings *set = &m->settings;
	char date[11];
	report_date(set, date);
	doc_meta meta = {
		.title = set->title,
		.short_title = set->title,
		.author = set->author ? set->author : set->organisation,
		.subject = set->subtitle,
		.keywords = t->keywords,
		.language = "fr-FR",
		.date_iso = date,
	};
	tmpl_ctx x = {.d = d, .t = t, .m = m, .s = s, .iv = iv, .k = set->privacy_threshold,
		      .expand_body = expand_body};
	x.numbering = tmpl_attr_is(xmlDocGetRootElement(t->main->xml), "numerotation", "oui");
	x.out = doc_create(&meta);
	expand_body(&x, t->main, xmlDocGetRootElement(t->main->xml));
	return finish(&x);
}

doc *tmpl_build_fiche(diag_sink *d, const tmpl *t, const model *m, const stats *s, size_t kpa,
		      const kpa_fiche *fiche)
{
	const model_settings *set = &m->settings;
	char date[11];
	report_date(set, date);
	char *title = xasprintf("Fiche d'identité — %s", m->kpas[kpa].name);
	/* A sheet printed on its own is the KPA's document: its running head
	 * names the network and the sheet, not the annual report. */
	char *head = set->organisation && *set->organisation
			     ? xasprintf("%s · fiche d'identité", set->organisation)
			     : xstrdup("Fiche d'identité");
	doc_meta meta = {
		.title = title,
		.short_title = head,
		.author = set->author ? set->author : set->organisation,
		.subject = title,
		.keywords = t->keywords,
		.language = "fr-FR",
		.date_iso = date,
	};
	/* level 1: the sheet's <section> is a level-2 heading, as it is under
	 * the annex's <partie> in the report, so both print the same page. */
	tmpl_ctx x = {.d = d, .t = t, .m = m, .s = s, .k = set->privacy_threshold, .level = 1,
		      .expand_body = expand_body};
	x.out = doc_create(&meta);
	free(title);
	free(head);
	tmpl_fiche_expand_sheet(&x, t->main, kpa, fiche, s);
	return finish(&x);
}
