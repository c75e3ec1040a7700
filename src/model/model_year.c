/* model_year.c - the facts of the network and of the year that recit.xml
 * states so that the layouts never do: the network's name, its history and
 * the evaluation's workshops (docs/inputs.md, « recit.xml »). Each is
 * optional; a layout leaves out what the year folder does not give. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv_read.h"
#include "i18n.h"
#include "model_int.h"
#include "util.h"
#include "xml_read.h"

/* Warn about an attribute the element does not know (a misspelt one would
 * otherwise be silently ignored). */
static void unknown_attrs(diag_sink *d, const char *file, xmlNode *n, const char *known)
{
	for (xmlAttr *a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		size_t len = strlen(name);
		bool found = false;
		for (const char *k = known; *k && !found; k += strlen(k) + 1)
			found = strlen(k) == len && !strcmp(k, name);
		if (!found)
			diag_emit(d, DIAG_WARNING, SRC_LOC(file, (int)xmlGetLineNo(n), 0), name,
				  "unknown attribute of <%s>, ignored", (const char *)n->name);
	}
}

/* <histoire note="..."><evenement date="2017-07" libelle="..."/>...</histoire>
 * (child name: evenement, or atelier in <ateliers>). */
static void read_timeline(diag_sink *d, const char *file, xmlNode *n, model_timeline *t,
			  const char *child)
{
	if (t->present) {
		diag_emit(d, DIAG_WARNING, SRC_LOC(file, (int)xmlGetLineNo(n), 0), NULL,
			  "a second <%s> in <recit>, ignored", (const char *)n->name);
		return;
	}
	unknown_attrs(d, file, n, "note\0");
	t->present = true;
	t->note = xml_attr_dup(n, "note");
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		src_loc at = SRC_LOC(file, (int)xmlGetLineNo(c), 0);
		if (strcmp((const char *)c->name, child) != 0) {
			diag_emit(d, DIAG_WARNING, at, NULL, "expected <%s> in <%s>, found <%s>, ignored",
				  child, (const char *)n->name, (const char *)c->name);
			continue;
		}
		unknown_attrs(d, file, c, "date\0libelle\0");
		char *date = xml_attr_dup(c, "date");
		char *label = xml_attr_dup(c, "libelle");
		if (!date || !*date || !label || !*label) {
			diag_emit(d, DIAG_ERROR, at, !date || !*date ? "date" : "libelle",
				  "expected <%s date=\"2017-04\" libelle=\"...\"/>, found an empty "
				  "or missing attribute",
				  child);
			free(date);
			free(label);
			continue;
		}
		t->events = xreallocarray(t->events, t->n_events + 1, sizeof *t->events);
		t->events[t->n_events++] = (model_event){date, label, at};
	}
}

bool model_year_element(diag_sink *d, model *m, const char *file, xmlNode *n)
{
	const char *name = (const char *)n->name;
	model_year *y = &m->year;
	if (!strcmp(name, "reseau")) {
		unknown_attrs(d, file, n, "nom\0");
		free(y->network_name);
		y->network_name = xml_attr_dup(n, "nom");
		y->network_loc = SRC_LOC(file, (int)xmlGetLineNo(n), 0);
		if (!y->network_name || !*y->network_name) {
			diag_emit(d, DIAG_ERROR, y->network_loc, "nom",
				  "expected the network's name on <reseau>, found nothing");
			free(y->network_name);
			y->network_name = NULL;
		}
		return true;
	}
	if (!strcmp(name, "histoire")) {
		read_timeline(d, file, n, &y->history, "evenement");
		return true;
	}
	if (!strcmp(name, "ateliers")) {
		read_timeline(d, file, n, &y->workshops, "atelier");
		return true;
	}
	return false;
}

static void timeline_free(model_timeline *t)
{
	for (size_t i = 0; i < t->n_events; i++) {
		free(t->events[i].date);
		free(t->events[i].label);
	}
	free(t->events);
	free(t->note);
}

/* "48,39", "48.39", "-4.49": decimal degrees, French comma or dot. */
static bool degrees(const char *s, double lo, double hi, double *out)
{
	if (!*s || strlen(s) > 30)
		return false;
	char buf[32];
	strcpy(buf, s);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	for (const char *p = buf; *p; p++)
		if (!strchr("0123456789.-+", *p))
			return false;
	char *end;
	errno = 0;
	double v = strtod(buf, &end);
	if (*end || errno || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

void model_year_load_places(diag_sink *d, model *m, const char *file)
{
	csv_table *t = csv_table_read_file(d, file, NULL);
	if (!t)
		return;
	static const char *const cols[] = {"ville", "latitude", "longitude"};
	int c[3];
	bool ok = true;
	for (int i = 0; i < 3; i++)
		if ((c[i] = csv_table_find(t, cols[i])) < 0) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(file, 1, 0), cols[i],
				  "expected a column \"%s\" (ville;latitude;longitude), found none",
				  cols[i]);
			ok = false;
		}
	model_year *y = &m->year;
	for (size_t r = 0; ok && r < csv_table_nrows(t); r++) {
		const csv_cell *city = csv_table_cell(t, r, (size_t)c[0]);
		const csv_cell *lat = csv_table_cell(t, r, (size_t)c[1]);
		const csv_cell *lon = csv_table_cell(t, r, (size_t)c[2]);
		int line = csv_table_row_line(t, r);
		model_place p = {0};
		if (!*city->text) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, c[0] + 1), "ville",
				  "expected a city, found nothing");
			continue;
		}
		if (!degrees(lat->text, -90, 90, &p.lat)) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, lat->col), "latitude",
				  "expected a latitude in decimal degrees from -90 to 90 (48,39), "
				  "found \"%s\"",
				  lat->text);
			continue;
		}
		if (!degrees(lon->text, -180, 180, &p.lon)) {
			diag_emit(d, DIAG_ERROR, SRC_LOC(file, line, lon->col), "longitude",
				  "expected a longitude in decimal degrees from -180 to 180 (-4,49), "
				  "found \"%s\"",
				  lon->text);
			continue;
		}
		p.city = xstrdup(city->text);
		p.loc = SRC_LOC(file, line, 0);
		y->places = xreallocarray(y->places, y->n_places + 1, sizeof *y->places);
		y->places[y->n_places++] = p;
	}
	csv_table_destroy(t);
}

const model_place *model_find_place(const model *m, const char *city)
{
	if (!city)
		return NULL;
	size_t cap = strlen(city) + 1;
	char *want = xmalloc(cap);
	csv_normalize_name(city, want, cap);
	const model_place *found = NULL;
	for (size_t i = 0; i < m->year.n_places && !found; i++) {
		size_t cap2 = strlen(m->year.places[i].city) + 1;
		char *have = xmalloc(cap2);
		csv_normalize_name(m->year.places[i].city, have, cap2);
		if (!strcmp(want, have))
			found = &m->year.places[i];
		free(have);
	}
	free(want);
	return found;
}

void model_year_free(model_year *y)
{
	for (size_t i = 0; i < y->n_places; i++)
		free(y->places[i].city);
	free(y->places);
	free(y->network_name);
	timeline_free(&y->history);
	timeline_free(&y->workshops);
	memset(y, 0, sizeof *y);
}
