/* qdpx_vars.c - the variables of a REFI-QDA project: which Récit reads,
 * their values, and a report of every variable (read as what, or not
 * imported, and how many values were malformed), so that nothing a tool
 * exported is dropped silently. */
#include <stdio.h>
#include <stdlib.h>

#include "csv_read.h"
#include "i18n.h"
#include "parse_fr.h"
#include "qdpx_int.h"

/* Variable names Récit understands, per attribute, as qdpx_var_normalize
 * writes them (lower case, no accents, words joined by '_'). */
enum { V_KPA, V_GENRE, V_AGE, V_MONTHS, V_DATE, V_PSEUDO, V_LIEU, V_ENQ, V_MODAL, V_DUREE,
       V_RESSENTI, V_CARTES, V_CONSENT, V__N };
static const char *const VAR_ALIASES[V__N][5] = {
	[V_KPA] = {"kpa", "cooperative", "coop", NULL},
	[V_GENRE] = {"genre", "sexe", "gender", NULL},
	[V_AGE] = {"age", "tranche_age", "age_ans", NULL},
	[V_MONTHS] = {"anciennete_mois", "anciennete", "anciennete_en_mois", NULL},
	[V_DATE] = {"date", "date_entretien", NULL},
	[V_PSEUDO] = {"pseudonyme", "pseudo", NULL},
	[V_LIEU] = {"lieu", NULL},
	[V_ENQ] = {"enqueteur", "enqueteur_rice", "enquetrice", "enqueteurice", NULL},
	[V_MODAL] = {"modalites", "modalite", NULL},
	[V_DUREE] = {"duree_min", "duree", "duree_minutes", NULL},
	[V_RESSENTI] = {"ressenti", NULL},
	[V_CARTES] = {"cartes", NULL},
	[V_CONSENT] = {"consentement", "consentement_citation", "consent_citation", NULL},
};

/* csv_normalize_name, then every other run of punctuation folded to one
 * '_': "Ancienneté (mois)" -> "anciennete_mois", like the tools' labels. */
static char *var_normalize(const char *label)
{
	size_t n = strlen(label) + 1;
	char *norm = xmalloc(n);
	csv_normalize_name(label, norm, n);
	strbuf b = {0};
	bool sep = false;
	for (const char *s = norm; *s; s++) {
		char c = *s;
		bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
		if (!word) {
			sep = b.len > 0;
			continue;
		}
		if (sep)
			strbuf_putc(&b, '_');
		sep = false;
		strbuf_putc(&b, c);
	}
	free(norm);
	return strbuf_detach(&b);
}

static int var_slot(const char *norm)
{
	for (int v = 0; v < V__N; v++)
		for (int k = 0; VAR_ALIASES[v][k]; k++)
			if (strcmp(norm, VAR_ALIASES[v][k]) == 0)
				return v;
	return -1;
}

void qdpx_read_variables(project *p, xmlNode *vars)
{
	for (xmlNode *n = vars->children; n; n = n->next) {
		if (!qdpx_named(n, "Variable"))
			continue;
		char *label = qdpx_prop(n, "name");
		char *norm = var_normalize(label);
		p->vars = xreallocarray(p->vars, p->n_vars + 1, sizeof *p->vars);
		p->vars[p->n_vars++] = (var_def){qdpx_prop(n, "guid"), label, norm, var_slot(norm),
						 0, 0, 0};
	}
}

const var_def *qdpx_var(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->n_vars; i++)
		if (strcmp(p->vars[i].guid, guid) == 0)
			return &p->vars[i];
	return NULL;
}

bool qdpx_read_value(xmlNode *vv, var_value *out)
{
	char *guid = NULL, *value = NULL;
	for (xmlNode *k = vv->children; k; k = k->next) {
		if (qdpx_named(k, "VariableRef")) {
			free(guid);
			guid = qdpx_prop(k, "targetGUID");
		} else if (k->type == XML_ELEMENT_NODE && !value)
			value = qdpx_content(k);
	}
	if (!guid || !value) {
		free(guid);
		free(value);
		return false;
	}
	out->var_guid = guid;
	out->value = value;
	return true;
}

/* An integer as tools write it: "27", "27.0" (QualCoder re-exports integers
 * as floats), "27,0". */
static bool int_value(const char *value, long long *out)
{
	char *v = xstrdup(value), *dot = strpbrk(v, ".,");
	if (dot && dot[1] && strspn(dot + 1, "0") == strlen(dot + 1))
		*dot = '\0';
	bool ok = parse_integer(v, out) == PARSE_OK;
	free(v);
	return ok;
}

/* Each case returns whether the value was understood. */
static bool apply_slot(project *p, xmlNode *src, iv_interview *it, unsigned *miss, int slot,
		       const char *value, int *consent)
{
	switch (slot) {
	case V_KPA:
		free(it->kpa_id);
		free(it->kpa_name);
		it->kpa_id = xstrdup(value);
		it->kpa_name = xstrdup(value);
		return true;
	case V_GENRE: {
		int s = model_enum_parse(ENUM_SEX, value);
		if (s < 0)
			return false;
		it->gender = (model_sex)s;
		*miss &= ~(unsigned)IV_MISSING_GENRE;
		return true;
	}
	case V_AGE: {
		long long y = 0;
		int band = -1;
		if (int_value(value, &y) && y >= 16 && y <= 99) {
			it->age_years = (int)y;
			band = y <= 24 ? AGE_16_24 : y <= 39 ? AGE_25_39 : y <= 54 ? AGE_40_54 : AGE_55_PLUS;
		} else
			band = model_enum_parse(ENUM_AGE, value);
		if (band < 0)
			return false;
		it->age_band = (model_age)band;
		*miss &= ~(unsigned)IV_MISSING_AGE;
		return true;
	}
	case V_MONTHS: {
		long long m = 0;
		if (!int_value(value, &m) || m < 0 || m > 120)
			return false;
		it->months_in_kpa = (int)m;
		*miss &= ~(unsigned)IV_MISSING_MONTHS;
		return true;
	}
	case V_DATE: {
		/* A DateValue may carry a time: "2023-10-12T00:00:00". */
		char buf[11] = "";
		snprintf(buf, sizeof buf, "%s", value);
		if (parse_date(buf, &it->date) != PARSE_OK)
			return false;
		*miss &= ~(unsigned)IV_MISSING_DATE;
		return true;
	}
	case V_PSEUDO: free(it->pseudonym); it->pseudonym = xstrdup(value); return true;
	case V_LIEU: free(it->place); it->place = xstrdup(value); return true;
	case V_MODAL: free(it->modalities); it->modalities = xstrdup(value); return true;
	case V_RESSENTI: free(it->experience); it->experience = xstrdup(value); return true;
	case V_ENQ: {
		char buf[64];
		csv_normalize_name(value, buf, sizeof buf);
		if (strncmp(buf, "cooperant", 9) == 0)
			it->interviewer = IV_BY_COOPERANT;
		else if (strncmp(buf, "binome", 6) == 0)
			it->interviewer = IV_BY_BINOME;
		else if (strncmp(buf, "accompagn", 9) == 0)
			it->interviewer = IV_BY_ACCOMPAGNANT;
		else
			return false;
		return true;
	}
	case V_DUREE: {
		long long m = 0;
		if (!int_value(value, &m) || m <= 0 || m > 600)
			return false;
		it->duration_min = (int)m;
		return true;
	}
	case V_CARTES: {
		bool all = true;
		char *v = xstrdup(value), *save = NULL;
		for (char *t = strtok_r(v, " ,;", &save); t; t = strtok_r(NULL, " ,;", &save)) {
			int k = interviews_find_card(p->iv, t);
			if (k < 0) {
				diag_emit(p->d, DIAG_WARNING, qdpx_at(p, src), "cartes",
					  "expected card ids of the kit, found \"%s\": ignored", t);
				all = false;
				continue;
			}
			it->cards = xreallocarray(it->cards, it->n_cards + 1, sizeof *it->cards);
			it->cards[it->n_cards++] = (size_t)k;
		}
		free(v);
		return all;
	}
	case V_CONSENT: {
		bool yes = false;
		if (parse_yes_no(value, &yes) != PARSE_OK)
			return false;
		*consent = yes;
		return true;
	}
	}
	return false;
}

/* What a variable of each slot expects, for the malformed-value message. */
static const char *slot_expects(int slot)
{
	switch (slot) {
	case V_GENRE: return N_("F or H");
	case V_AGE: return N_("an age from 16 to 99 or an age band");
	case V_MONTHS: return N_("months from 0 to 120");
	case V_DATE: return N_("a date such as 2024-03-15");
	case V_ENQ: return N_("coopérant, binôme or accompagnant");
	case V_DUREE: return N_("minutes from 1 to 600");
	case V_CARTES: return N_("card ids of the kit");
	case V_CONSENT: return N_("oui or non (true or false)");
	default: return N_("a value");
	}
}

void qdpx_apply_var(project *p, xmlNode *src, iv_interview *it, unsigned *miss,
		    const var_value *v, int *consent)
{
	var_def *def = (var_def *)qdpx_var(p, v->var_guid);
	if (!def) {
		diag_emit(p->d, DIAG_WARNING, qdpx_at(p, src), "VariableRef",
			  "expected the guid of a variable of the project, found \"%s\": value "
			  "\"%s\" ignored",
			  v->var_guid, v->value);
		return;
	}
	def->n_values++;
	if (def->slot < 0)
		return; /* reported once, by qdpx_report_variables */
	if (apply_slot(p, src, it, miss, def->slot, v->value, consent)) {
		def->n_applied++;
		return;
	}
	def->n_malformed++;
	/* TRANSLATORS: the variable as the QDA tool names it, what Récit
	 * expects, the value found. */
	diag_emit(p->d, DIAG_WARNING, qdpx_at(p, src), NULL,
		  "variable \"%s\": expected %s, found \"%s\": left empty for interview %s",
		  def->label, _(slot_expects(def->slot)), v->value, it->id);
}

void qdpx_report_variables(const project *p)
{
	for (size_t i = 0; i < p->n_vars; i++) {
		const var_def *v = &p->vars[i];
		if (v->slot < 0)
			diag_emit(p->d, DIAG_WARNING, SRC_LOC(p->qde, 0, 0), NULL,
				  "variable \"%s\" is not one Récit reads (see docs/interviews.md): "
				  "its %zu value(s) are not imported",
				  v->label, v->n_values);
		else
			diag_emit(p->d, DIAG_NOTE, SRC_LOC(p->qde, 0, 0), NULL,
				  "variable \"%s\" read as %s: %zu value(s) imported, %zu malformed",
				  v->label, VAR_ALIASES[v->slot][0], v->n_applied, v->n_malformed);
	}
}
