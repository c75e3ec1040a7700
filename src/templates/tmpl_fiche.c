/* tmpl_fiche.c - identity sheets in the template engine: the per-KPA scope
 * in which {kpa.nom}, {fiche.activites} and the KPA's own figures resolve,
 * <si champ="...">, <fiches modele="fiche.xml"/> (annex 2 of the report: one
 * sheet per KPA, each on its own page), and the expansion of one sheet that
 * it shares with tmpl_build_fiche() (`recit fiches`, in tmpl_expand.c).
 * docs/fiches.md is the reference. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "i18n.h"
#include "model_fiche.h"
#include "tmpl_elems.h"

/* ---- the KPA's fields and its sheet's ------------------------------------------ */

const char *tmpl_kpa_field(const model_kpa *k, const char *field, char *buf, size_t cap)
{
	if (!strcmp(field, "id"))
		return k->id;
	if (!strcmp(field, "nom"))
		return k->name;
	if (!strcmp(field, "ville"))
		return k->city;
	if (!strcmp(field, "quartier"))
		return k->neighbourhood ? k->neighbourhood : "";
	if (!strcmp(field, "departement"))
		return k->departement;
	if (!strcmp(field, "departement-nom")) {
		const char *n = model_departement_name(k->departement);
		return n ? n : k->departement;
	}
	if (!strcmp(field, "annee")) {
		if (k->year_founded <= 0)
			return "";
		snprintf(buf, cap, "%d", k->year_founded);
		return buf;
	}
	return NULL;
}

const char *const tmpl_kpa_fields[] = {"id",          "nom",         "ville", "quartier",
					 "departement", "departement-nom", "annee"};
static bool is_kpa_field(const char *name)
{
	for (size_t i = 0; i < TMPL_N_KPA_FIELDS; i++)
		if (!strcmp(tmpl_kpa_fields[i], name))
			return true;
	return false;
}

int tmpl_fiche_ref(tmpl_ctx *x, const char *file, int line, const char *ref, const char **text,
		   char *buf, size_t cap)
{
	bool kpa = !strncmp(ref, "kpa.", 4) && is_kpa_field(ref + 4);
	bool sheet = !strncmp(ref, "fiche.", 6);
	if (!kpa && !sheet)
		return 0;
	if (!x->kpa) {
		/* "kpa.<id>" is also a figure (people per KPA): only a field name
		 * that is not a figure is an error here. */
		if (kpa && stats_lookup(x->s, ref))
			return 0;
		tmpl_error(x, file, line,
			   "\"%s\" is known only in an identity sheet template (expanded by "
			   "<fiches> or `recit fiches`)%s",
			   ref, kpa ? _("; in a loop over KPA figures, write $k.kpa.…") : "");
		return -1;
	}
	if (kpa) {
		*text = tmpl_kpa_field(x->kpa, ref + 4, buf, cap);
		return 1;
	}
	const char *field = ref + 6;
	if (!strcmp(field, "compacte")) {
		*text = x->compact ? "oui" : "";
		return 1;
	}
	if (!fiche_is_field(field)) {
		size_t n;
		const char *const *names = fiche_field_names(&n);
		tmpl_error(x, file, line, "unknown identity-sheet field \"%s\"%s", field,
			   text_did_you_mean(field, names, n).s);
		return -1;
	}
	const char *v = fiche_get(x->fiche, field);
	*text = v ? v : "";
	return 1;
}

bool tmpl_fiche_cond(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	char *ref = xml_attr_dup(n, "champ");
	char buf[32];
	const char *text = NULL;
	int r = tmpl_fiche_ref(x, f->path, tmpl_line(n), ref, &text, buf, sizeof buf);
	if (r == 0)
		tmpl_error(x, f->path, tmpl_line(n),
			   "\"champ\": expected fiche.<field> or kpa.<field>, found \"%s\"", ref);
	free(ref);
	return r > 0 && text && *text;
}

/* The compact variant (smaller presentation text, lower charts) is chosen
 * from the sheet's text alone, so that the report's annex and `recit fiches`
 * always print the same page. */
static bool wants_compact(const model_kpa *k, const kpa_fiche *fiche)
{
	if (!fiche)
		return false;
	size_t n, total = fiche_utf8_chars(k->name);
	const char *const *names = fiche_field_names(&n);
	for (size_t i = 0; i < n; i++)
		total += fiche_utf8_chars(fiche_get(fiche, names[i]));
	return fiche_utf8_chars(fiche_get(fiche, "presentation")) > 400 || total > 1000;
}

void tmpl_fiche_expand_sheet(tmpl_ctx *x, const tmpl_file *g, size_t k, const kpa_fiche *fiche,
			     const stats *s_k)
{
	const stats *saved_s = x->s;
	x->s = s_k;
	x->kpa = &x->m->kpas[k];
	x->fiche = fiche;
	x->compact = wants_compact(x->kpa, fiche);
	x->expand_body(x, g, xmlDocGetRootElement(g->xml));
	x->s = saved_s;
	x->kpa = NULL;
	x->fiche = NULL;
	x->compact = false;
}

/* ---- <fiches modele="fiche.xml"/> ----------------------------------------------- */

static void sheets(tmpl_ctx *x, const tmpl_file *f, xmlNode *n)
{
	const tmpl_file *g = n->_private;
	if (x->kpa) {
		tmpl_error(x, f->path, tmpl_line(n), "<fiches> cannot be used inside a sheet");
		return;
	}
	if (!g || !g->xml)
		return; /* the loader has reported why */
	const model *m = x->m;
	if (!fiche_check_folder(x->d, m, x->t->inputs_dir))
		diag_emit(x->d, DIAG_WARNING, tmpl_origin(f, n), NULL,
			  "no folder %s/fiches: the sheets show kpa.csv and the figures only "
			  "(see docs/fiches.md)",
			  x->t->inputs_dir);
	((tmpl *)x->t)->sheets_expanded = true;
	for (size_t i = 0; i < m->n_kpas; i++) {
		size_t k = m->kpa_order ? m->kpa_order[i] : i;
		char *path = fiche_file_for(x->t->inputs_dir, m->kpas[k].id);
		kpa_fiche *fiche = NULL;
		if (access(path, F_OK) == 0) {
			fiche = fiche_load(x->d, m, k, path);
			if (!fiche)
				x->errors++; /* reported; no report with a wrong sheet */
		} else {
			diag_emit(x->d, DIAG_WARNING, m->kpas[k].loc, NULL,
				  "KPA %s has no identity sheet %s: its page shows kpa.csv and its "
				  "figures only",
				  m->kpas[k].id, path);
		}
		/* The sheet's figures were decided with the network's. */
		const stats *s_k = stats_kpa(x->s, k);
		doc_append(x->out, DOC_PAGE_BREAK)->origin = tmpl_origin(f, n);
		tmpl_fiche_expand_sheet(x, g, k, fiche, s_k);
		fiche_destroy(fiche);
		free(path);
	}
}

bool tmpl_sheets_expanded(const tmpl *t)
{
	return t && t->sheets_expanded;
}

static const tmpl_elem elems[] = {
	{"fiches",
	 "annex of identity sheets: the sheet template `modele` once per KPA, each on its own page",
	 sheets, NULL, {{"modele"}}},
};

const tmpl_elem_family tmpl_family_fiche = {elems, sizeof elems / sizeof *elems};
