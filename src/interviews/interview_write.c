/* interview_write.c - write an interviews object back as grille.xml and
 * entretiens.xml (used by the QDPX import), through libxml2 so that every
 * character is escaped correctly. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "interview_int.h"
#include "outfile.h"
#include "util.h"

#define X(s) ((const xmlChar *)(s))

static void add_codes(const interviews *iv, xmlNode *parent, int of)
{
	for (size_t i = 0; i < iv->n_codes; i++) {
		const iv_code *c = &iv->codes[i];
		if (c->parent != of)
			continue;
		xmlNode *n = xmlNewChild(parent, NULL, X("code"), NULL);
		xmlNewProp(n, X("id"), X(c->id));
		xmlNewProp(n, X("libelle"), X(c->label));
		if (c->description && *c->description)
			xmlNewTextChild(n, NULL, X("description"), X(c->description));
		add_codes(iv, n, (int)i);
	}
}

static int save_doc(diag_sink *d, xmlDoc *x, const char *path, bool overwrite)
{
	struct stat st;
	if (!overwrite && stat(path, &st) == 0) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL,
			  "already exists: not overwritten (use --force to replace it)");
		return -1;
	}
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpFormatMemoryEnc(x, &mem, &len, "UTF-8", 1);
	int rc = mem ? write_file_atomic(path, mem, (size_t)len) : -1;
	if (rc != 0)
		diag_emit(d, DIAG_ERROR, SRC_LOC(path, 0, 0), NULL, "cannot write: %s",
			  strerror(errno));
	xmlFree(mem);
	return rc;
}

static void prop_int(xmlNode *n, const char *name, long long v, bool missing)
{
	char buf[32] = "";
	if (!missing)
		snprintf(buf, sizeof buf, "%lld", v);
	xmlNewProp(n, X(name), X(buf));
}

int interviews_save(diag_sink *d, const interviews *iv, const char *folder, bool overwrite)
{
	if (mkdir(folder, 0777) != 0 && errno != EEXIST) {
		diag_emit(d, DIAG_ERROR, SRC_LOC(folder, 0, 0), NULL, "cannot create the folder: %s",
			  strerror(errno));
		return -1;
	}
	xmlDoc *g = xmlNewDoc(X("1.0"));
	xmlNode *root = xmlNewNode(NULL, X("grille"));
	xmlDocSetRootElement(g, root);
	xmlNewProp(root, X("version"), X("1"));
	add_codes(iv, xmlNewChild(root, NULL, X("codes"), NULL), -1);
	xmlNode *cards = xmlNewChild(root, NULL, X("cartes"), NULL);
	for (size_t i = 0; i < iv->n_cards; i++) {
		xmlNode *n = xmlNewChild(cards, NULL, X("carte"), NULL);
		xmlNewProp(n, X("id"), X(iv->cards[i].id));
		xmlNewProp(n, X("libelle"), X(iv->cards[i].label));
		if (iv->cards[i].copies > 1)
			prop_int(n, "exemplaires", iv->cards[i].copies, false);
	}
	char *path = xasprintf("%s/grille.xml", folder);
	int rc = save_doc(d, g, path, overwrite);
	free(path);
	xmlFreeDoc(g);
	if (rc)
		return rc;

	xmlDoc *e = xmlNewDoc(X("1.0"));
	root = xmlNewNode(NULL, X("entretiens"));
	xmlDocSetRootElement(e, root);
	xmlNewProp(root, X("version"), X("1"));
	for (size_t i = 0; i < iv->n_items; i++) {
		const iv_interview *it = &iv->items[i];
		unsigned miss = iv->missing ? iv->missing[i] : 0;
		xmlNode *n = xmlNewChild(root, NULL, X("entretien"), NULL);
		xmlNewProp(n, X("id"), X(it->id));
		xmlNewProp(n, X("kpa"), X(it->kpa_id));
		if (*it->pseudonym)
			xmlNewProp(n, X("pseudonyme"), X(it->pseudonym));
		xmlNewProp(n, X("genre"), X(miss & IV_MISSING_GENRE ? "" : model_enum_code(ENUM_SEX, it->gender)));
		if (it->age_years && !(miss & IV_MISSING_AGE))
			prop_int(n, "age", it->age_years, false);
		else
			xmlNewProp(n, X("age"),
				   X(miss & IV_MISSING_AGE ? "" : model_enum_code(ENUM_AGE, it->age_band)));
		prop_int(n, "anciennete-mois", it->months_in_kpa, miss & IV_MISSING_MONTHS);
		char date[11] = "";
		if (!(miss & IV_MISSING_DATE) && date_is_set(it->date))
			date_iso(it->date, date);
		xmlNewProp(n, X("date"), X(date));
		if (it->duration_min)
			prop_int(n, "duree-min", it->duration_min, false);
		xmlNode *dr = xmlNewChild(n, NULL, X("deroulement"), NULL);
		if (*it->place)
			xmlNewProp(dr, X("lieu"), X(it->place));
		xmlNewProp(dr, X("enqueteur"), X(interviews_interviewer_code(it->interviewer)));
		if (*it->modalities)
			xmlNewProp(dr, X("modalites"), X(it->modalities));
		if (*it->experience)
			xmlNewTextChild(n, NULL, X("ressenti"), X(it->experience));
		if (it->n_cards) {
			strbuf b = {0};
			for (size_t k = 0; k < it->n_cards; k++)
				strbuf_printf(&b, "%s%s", k ? " " : "", iv->cards[it->cards[k]].id);
			xmlNewTextChild(n, NULL, X("cartes"), X(b.data));
			strbuf_free(&b);
		}
		for (size_t x = it->first_excerpt; x < it->first_excerpt + it->n_excerpts; x++) {
			const iv_excerpt *ex = &iv->excerpts[x];
			xmlNode *xn = xmlNewTextChild(n, NULL, X("extrait"), X(iv->texts[x]));
			xmlNewProp(xn, X("id"), X(ex->id));
			strbuf b = {0};
			for (size_t k = 0; k < ex->n_codes; k++)
				strbuf_printf(&b, "%s%s", k ? " " : "", iv->codes[ex->codes[k]].id);
			xmlNewProp(xn, X("codes"), X(b.data ? b.data : ""));
			strbuf_free(&b);
			if (ex->card >= 0)
				xmlNewProp(xn, X("carte"), X(iv->cards[ex->card].id));
			xmlNewProp(xn, X("consentement"), X(ex->consent ? "oui" : "non"));
		}
	}
	path = xasprintf("%s/entretiens.xml", folder);
	rc = save_doc(d, e, path, overwrite);
	free(path);
	xmlFreeDoc(e);
	return rc;
}
