/* model_dump.c - `recit build --dump=model`: the typed model as stable text,
 * one record per line, codes not labels, so golden files diff cleanly. */
#include "model.h"

static void date_or_dash(FILE *out, recit_date d)
{
	char buf[11];
	if (date_is_set(d)) {
		date_iso(d, buf);
		fputs(buf, out);
	} else
		fputc('-', out);
}

void model_dump(const model *m, FILE *out)
{
	const model_settings *s = &m->settings;
	fprintf(out, "settings title=\"%s\" period=", s->title ? s->title : "");
	date_or_dash(out, s->period_start);
	fputs("..", out);
	date_or_dash(out, s->period_end);
	fputs(" date=", out);
	date_or_dash(out, s->report_date);
	fprintf(out, " threshold=%d\n", s->privacy_threshold);
	for (size_t i = 0; i < m->n_kpas; i++) {
		const model_kpa *k = &m->kpas[i];
		fprintf(out, "kpa %s name=\"%s\" city=\"%s\" dep=%s founded=%d\n", k->id, k->name,
			k->city, k->departement, k->year_founded);
	}
	for (size_t i = 0; i < m->n_people; i++) {
		const model_person *p = &m->people[i];
		fprintf(out, "person %s kpa=%s sex=%s age=%s dep=%s qpv=%d single=%d intl=%d "
			     "rqth=%d edu=%s pe_before=%d pe_dur=%s pe_during=%d ml=%d entry=",
			p->id, m->kpas[p->kpa].id, model_enum_code(ENUM_SEX, p->sex),
			model_enum_code(ENUM_AGE, p->age), p->departement, p->qpv,
			p->single_parent, p->intl_protection, p->rqth,
			model_enum_code(ENUM_EDU, p->edu), p->pe_before,
			p->pe_duration >= 0 ? model_enum_code(ENUM_PE, p->pe_duration) : "-",
			(p->unknown & PERSON_UNKNOWN_PE_DURING) ? -1 : p->pe_during,
			(p->unknown & PERSON_UNKNOWN_ML) ? -1 : p->mission_locale);
		date_or_dash(out, p->entry);
		fprintf(out, " planned=%d exit=", p->planned_months);
		date_or_dash(out, p->exit);
		fprintf(out, " situation=%s\n",
			p->exit_situation >= 0 ? model_enum_code(ENUM_EXIT, p->exit_situation) : "-");
	}
	for (size_t i = 0; i < m->n_finances; i++) {
		const model_finance *f = &m->finances[i];
		fprintf(out, "finance kpa=%s period=", m->kpas[f->kpa].id);
		date_or_dash(out, f->start);
		fputs("..", out);
		date_or_dash(out, f->end);
		fprintf(out, " revenue=%lld pay=%lld expenses=%lld savings=%lld\n", f->revenue_cents,
			f->pay_cents, f->expenses_cents, f->savings_cents);
	}
}
