/* interview_write.c - write an interviews object back as grille.xml and
 * entretiens.xml (used by the QDPX import), through libxml2 so that every
 * character is escaped correctly. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The two files of a folder are replaced together or not at all (a
 * codebook that does not match its excerpts would load with hundreds of
 * errors): both are checked, written whole into unnamed files, and put in
 * place as a group (outfile_commit_group puts the previous ones back if the
 * second cannot replace its file). */
typedef struct {
	const char *name;
	xmlDoc *doc;
	char *path;
	outfile *out;
} pending;

static bool exists_refused(diag_sink *d, const pending *f, bool overwrite)
{
	struct stat st;
	if (overwrite || stat(f->path, &st) != 0)
		return false;
	diag_emit(d, DIAG_ERROR, SRC_LOC(f->path, 0, 0), NULL,
		  "already exists: not overwritten (use --force to replace it)");
	return true;
}

static bool write_whole(diag_sink *d, pending *f)
{
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpFormatMemoryEnc(f->doc, &mem, &len, "UTF-8", 1);
	bool ok = mem && (f->out = outfile_open(f->path)) != NULL &&
		  outfile_write(f->out, mem, (size_t)len) == 0;
	if (!ok)
		diag_emit(d, DIAG_ERROR, SRC_LOC(f->path, 0, 0), NULL, "cannot write: %s",
			  strerror(errno ? errno : EIO));
	xmlFree(mem);
	return ok;
}

static int save_pair(diag_sink *d, pending *f, size_t n, bool overwrite)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		ok &= !exists_refused(d, &f[i], overwrite);
	for (size_t i = 0; ok && i < n; i++)
		ok = write_whole(d, &f[i]);
	outfile *outs[2];
	for (size_t i = 0; ok && i < n && i < 2; i++)
		outs[i] = f[i].out;
	if (ok && outfile_commit_group(outs, n) != 0) {
		/* TRANSLATORS: the files are grille.xml and entretiens.xml. */
		diag_emit(d, DIAG_ERROR, SRC_LOC(f[n - 1].path, 0, 0), NULL,
			  "cannot write: %s; the previous files are left as they were",
			  strerror(errno));
		ok = false;
	}
	for (size_t i = 0; i < n; i++)
		outfile_destroy(f[i].out);
	return ok ? 0 : -1;
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
	pending pair[] = {{"grille.xml", g, xasprintf("%s/grille.xml", folder), NULL},
			  {"entretiens.xml", e, xasprintf("%s/entretiens.xml", folder), NULL}};
	int rc = save_pair(d, pair, 2, overwrite);
	for (size_t i = 0; i < 2; i++)
		free(pair[i].path);
	xmlFreeDoc(g);
	xmlFreeDoc(e);
	return rc;
}
