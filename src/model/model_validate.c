/* model_validate.c - rules that span several cells, rows or files.
 *
 * Cell-level problems (a bad date, an unknown code) are reported while
 * loading; here we check that the year makes sense as a whole: a person who
 * left has an exit date after the entry date and a situation at exit, a
 * person still present has neither, everyone was in a KPA during the
 * reporting period, and financial periods are coherent. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "model.h"
#include "util.h"

/* msg: an English message id (N_), translated here. */
static void person_error(diag_sink *d, const model *m, const model_person *p,
			 const char *field, const char *msg)
{
	diag_emit(d, DIAG_ERROR, model_field_loc(m, p->loc, field), field, "%s (person %s)",
		  _(msg), p->id);
}

static void validate_person(diag_sink *d, const model *m, const model_person *p)
{
	const model_settings *s = &m->settings;
	bool left = date_is_set(p->exit);
	char a[11], b[11];

	if (left && p->exit_situation < 0)
		person_error(d, m, p, "situation_sortie",
			     N_("expected a situation at exit for a person with an exit date, "
				"found an empty cell"));
	if (!left && p->exit_situation >= 0)
		person_error(d, m, p, "date_sortie",
			     N_("expected an exit date for a person with a situation at exit, "
				"found an empty cell"));
	if (left && date_is_set(p->entry) && date_cmp(p->exit, p->entry) <= 0) {
		date_iso(p->entry, a);
		date_iso(p->exit, b);
		diag_emit(d, DIAG_ERROR, model_field_loc(m, p->loc, "date_sortie"), "date_sortie",
			  "expected an exit date after the entry date %s, found %s (person %s)", a,
			  b, p->id);
	}
	if (p->pe_before && p->pe_duration < 0)
		person_error(d, m, p, "anciennete_pe",
			     N_("expected how long the person had been registered at Pôle emploi "
				"(inscrit_pe_avant is oui), found an empty cell"));
	if (!p->pe_before && p->pe_duration >= 0)
		person_error(d, m, p, "anciennete_pe",
			     N_("expected an empty cell since inscrit_pe_avant is non, found a "
				"duration"));

	/* Present during the reporting period: entered before its end and, if
	 * gone, left after its start. */
	if (date_is_set(s->period_end) && date_is_set(p->entry) &&
	    date_cmp(p->entry, s->period_end) > 0) {
		date_iso(p->entry, a);
		date_iso(s->period_end, b);
		diag_emit(d, DIAG_ERROR, model_field_loc(m, p->loc, "date_entree"), "date_entree",
			  "expected an entry on or before the end of the reporting period %s, "
			  "found %s (person %s)",
			  b, a, p->id);
	}
	if (left && date_is_set(s->period_start) && date_cmp(p->exit, s->period_start) < 0) {
		date_iso(p->exit, a);
		date_iso(s->period_start, b);
		diag_emit(d, DIAG_ERROR, model_field_loc(m, p->loc, "date_sortie"), "date_sortie",
			  "expected an exit on or after the start of the reporting period %s, "
			  "found %s (person %s)",
			  b, a, p->id);
	}
	if (left && date_is_set(s->period_end) && date_cmp(p->exit, s->period_end) > 0) {
		date_iso(p->exit, a);
		date_iso(s->period_end, b);
		diag_emit(d, DIAG_ERROR, model_field_loc(m, p->loc, "date_sortie"), "date_sortie",
			  "expected an exit on or before the end of the reporting period %s, "
			  "found %s (person %s)",
			  b, a, p->id);
	}
}

/* Sort by id, then by line, so duplicates are neighbours and the first
 * occurrence comes first: O(n log n) for national-scale files. */
static int cmp_person_id(const void *a, const void *b)
{
	const model_person *pa = *(const model_person *const *)a;
	const model_person *pb = *(const model_person *const *)b;
	int c = strcmp(pa->id, pb->id);
	return c ? c : (pa->loc.line > pb->loc.line) - (pa->loc.line < pb->loc.line);
}

static void check_duplicate_ids(diag_sink *d, const model *m)
{
	if (m->n_people < 2)
		return;
	const model_person **v = xcalloc(m->n_people, sizeof *v);
	for (size_t i = 0; i < m->n_people; i++)
		v[i] = &m->people[i];
	qsort(v, m->n_people, sizeof *v, cmp_person_id);
	for (size_t i = 1; i < m->n_people; i++) {
		size_t first = i - 1;
		while (i < m->n_people && strcmp(v[i]->id, v[first]->id) == 0) {
			diag_emit(d, DIAG_ERROR, model_field_loc(m, v[i]->loc, "id"), "id",
				  "duplicate person id \"%s\" (first on line %d)", v[i]->id,
				  v[first]->loc.line);
			i++;
		}
	}
	free(v);
}

/* The period rules of finances.csv (docs/inputs.md): a row lying entirely
 * outside the reporting period is an error, since it is most often last
 * year's file left in the folder and its revenue would be printed under
 * this period; a row that overlaps the period is counted whole, with a
 * warning giving the days outside (splitting it by days would invent
 * figures the KPA never gave). */
static void validate_finance_period(diag_sink *d, const model *m, const model_finance *f)
{
	const model_settings *s = &m->settings;
	if (!date_is_set(f->start) || !date_is_set(f->end) || !date_is_set(s->period_start) ||
	    !date_is_set(s->period_end) || date_cmp(f->end, f->start) < 0)
		return;
	char fa[11], fb[11], pa[11], pb[11];
	date_iso(f->start, fa);
	date_iso(f->end, fb);
	date_iso(s->period_start, pa);
	date_iso(s->period_end, pb);
	if (date_cmp(f->end, s->period_start) < 0 || date_cmp(f->start, s->period_end) > 0) {
		const char *field = date_cmp(f->end, s->period_start) < 0 ? "fin" : "debut";
		diag_emit(d, DIAG_ERROR, model_field_loc(m, f->loc, field), field,
			  "expected a financial period within the reporting period %s to %s "
			  "(recit.xml), found %s to %s, entirely outside it: is this an older "
			  "file?",
			  pa, pb, fa, fb);
		return;
	}
	long outside = 0, days = date_to_days(f->end) - date_to_days(f->start) + 1;
	if (date_cmp(f->start, s->period_start) < 0)
		outside += date_to_days(s->period_start) - date_to_days(f->start);
	if (date_cmp(f->end, s->period_end) > 0)
		outside += date_to_days(f->end) - date_to_days(s->period_end);
	if (outside > 0)
		diag_emit(d, DIAG_WARNING, model_field_loc(m, f->loc, "debut"), "debut",
			  "financial period %s to %s reaches outside the reporting period %s to "
			  "%s (%ld of its %ld days); it is counted whole",
			  fa, fb, pa, pb, outside, days);
}

void model_validate(diag_sink *d, const model *m)
{
	for (size_t i = 0; i < m->n_people; i++)
		validate_person(d, m, &m->people[i]);
	check_duplicate_ids(d, m);
	for (size_t i = 0; i < m->n_finances; i++) {
		const model_finance *f = &m->finances[i];
		if (date_is_set(f->start) && date_is_set(f->end) && date_cmp(f->end, f->start) < 0)
			diag_emit(d, DIAG_ERROR, model_field_loc(m, f->loc, "fin"), "fin",
				  "expected the end of the financial period after its start");
		validate_finance_period(d, m, f);
	}
}
