/* qdpx_source.c - a REFI-QDA text source and its selections.
 *
 * Positions. REFI-QDA counts startPosition/endPosition in Unicode code
 * points of the source's plain text. Some exports disagree on line breaks:
 * QualCoder's MAXQDA option writes sources with CRLF line ends while its
 * positions count a line break as one character, which shifts every
 * selection by one per line above it. Tools also store each selection's
 * text, or its beginning, as the selection's name. So the positions of a
 * source are read both ways when it has CRLF line ends, each reading is
 * checked against the stored names, and the reading that matches is kept;
 * a selection whose text still differs from its name is reported and
 * skipped, never imported shifted. When no name of a source matches under
 * either reading, the names are labels, not text: the standard reading is
 * kept, with a warning when CRLF line ends make it doubtful.
 *
 * Selections are keyed by position: tools write one selection per coding,
 * so the same span coded twice is one excerpt with two codes, while the
 * same words at two places are two excerpts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "parse_fr.h"
#include "qdpx_int.h"

/* An id from a name: ASCII lower case, accents folded, other characters
 * turned into single hyphens; made unique with -2, -3... */
char *qdpx_slug(const char *name, bool (*taken)(const interviews *, const char *),
		const interviews *iv)
{
	char *f = iv_fold(name);
	strbuf b = {0};
	bool dash = false;
	for (const char *p = f; *p; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.len)
				strbuf_putc(&b, '-');
			strbuf_putc(&b, c);
			dash = false;
		} else if (c == '_' && b.len == 0) {
			/* a leading underscore is dropped */
		} else
			dash = true;
	}
	free(f);
	char *base = strbuf_detach(&b);
	if (!*base) {
		free(base);
		base = xstrdup("x");
	}
	char *id = xstrdup(base);
	for (int k = 2; taken(iv, id); k++) {
		free(id);
		id = xasprintf("%s-%d", base, k);
	}
	free(base);
	return id;
}

static bool item_taken(const interviews *iv, const char *id) { return interviews_find(iv, id) >= 0; }

static int code_by_guid(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->iv->n_codes; i++)
		if (strcmp(p->code_guids[i], guid) == 0)
			return (int)i;
	return -1;
}

static bool noquote_guid(const project *p, const char *guid)
{
	for (size_t i = 0; i < p->n_noquote; i++)
		if (strcmp(p->meta_noquote[i], guid) == 0)
			return true;
	return false;
}

/* The two readings of positions (see the top of the file). */
enum { READ_CODE_POINTS, READ_CRLF_AS_ONE, READ__N };

/* Byte offset of position pos in s (len bytes) under a reading, or
 * (size_t)-1 when pos lies beyond the text. */
static size_t pos_to_byte(const char *s, size_t len, long long pos, int reading)
{
	long long n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) == 0x80)
			continue; /* inside a code point */
		if (reading == READ_CRLF_AS_ONE && c == '\n' && i > 0 && s[i - 1] == '\r')
			continue; /* counted with its CR */
		if (n == pos)
			return i;
		n++;
	}
	return n == pos ? len : (size_t)-1;
}

static char *source_text(project *p, xmlNode *src, size_t *len)
{
	for (xmlNode *k = src->children; k; k = k->next)
		if (qdpx_named(k, "PlainTextContent")) {
			char *t = qdpx_content(k);
			*len = strlen(t);
			return t;
		}
	char *path = qdpx_prop(src, "plainTextPath");
	char *text = NULL;
	const char *pre = "internal://";
	if (strncmp(path, pre, strlen(pre)) == 0) {
		const char *file = path + strlen(pre);
		/* QualCoder writes "sources/", NVivo "Sources/". */
		const char *dirs[] = {"sources/", "Sources/"};
		for (int i = 0; i < 2 && !text; i++) {
			char *name = xasprintf("%s%s", dirs[i], file);
			long idx = zip_archive_find(p->za, name);
			if (idx >= 0)
				text = zip_archive_read(p->za, (size_t)idx, len);
			free(name);
		}
	}
	if (!text)
		diag_emit(p->d, DIAG_WARNING, qdpx_at(p, src), "plainTextPath",
			  "expected the text of the source in PlainTextContent or in sources/ "
			  "(internal://…), found \"%s\": source not imported",
			  path);
	free(path);
	if (text && *len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
	    (unsigned char)text[2] == 0xBF) {
		memmove(text, text + 3, *len - 3 + 1);
		*len -= 3;
	}
	return text;
}

/* Collapse whitespace like the loader does, so a round trip is stable. */
static char *collapse(const char *s, size_t n)
{
	strbuf b = {0};
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			strbuf_putc(&b, ' ');
		space = false;
		strbuf_putc(&b, c);
	}
	return strbuf_detach(&b);
}

/* Whether a selection's text agrees with the name the tool stored: the
 * same text, or a name that is the beginning of it (tools shorten long
 * names, sometimes with an ellipsis), whitespace collapsed. */
static bool agrees(const char *text, size_t n, const char *name)
{
	char *t = collapse(text, n), *m = collapse(name, strlen(name));
	size_t lm = strlen(m);
	const char *ell = "…";
	if (lm >= 3 && strcmp(m + lm - 3, ell) == 0)
		m[lm -= 3] = '\0';
	while (lm && m[lm - 1] == '.')
		m[--lm] = '\0';
	bool ok = lm > 0 && strlen(t) >= lm && strncmp(t, m, lm) == 0;
	free(t);
	free(m);
	return ok;
}

typedef struct {
	xmlNode *node;
	char *name;
	long long start, end;
	size_t b0[READ__N], b1[READ__N]; /* (size_t)-1: outside the text */
} selection;

static bool in_text(const selection *s, int r)
{
	return s->b0[r] != (size_t)-1 && s->b1[r] != (size_t)-1 && s->b0[r] < s->b1[r];
}

/* The reading of a source's positions, from the names its selections carry.
 * *verify says whether names are text to check each selection against. */
static int choose_reading(const char *text, size_t len, const selection *sel, size_t n,
			  bool *verify)
{
	bool crlf = memchr(text, '\r', len) != NULL;
	size_t hits[READ__N] = {0};
	for (size_t i = 0; i < n; i++)
		for (int r = 0; r < (crlf ? READ__N : 1); r++)
			if (in_text(&sel[i], r) && sel[i].name[0] &&
			    agrees(text + sel[i].b0[r], sel[i].b1[r] - sel[i].b0[r], sel[i].name))
				hits[r]++;
	*verify = hits[READ_CODE_POINTS] > 0 || hits[READ_CRLF_AS_ONE] > 0;
	return hits[READ_CRLF_AS_ONE] > hits[READ_CODE_POINTS] ? READ_CRLF_AS_ONE
								: READ_CODE_POINTS;
}

static void add_codes(project *p, iv_excerpt *e, xmlNode *sel)
{
	for (xmlNode *c = sel->children; c; c = c->next) {
		if (!qdpx_named(c, "Coding"))
			continue;
		for (xmlNode *r = c->children; r; r = r->next) {
			if (!qdpx_named(r, "CodeRef"))
				continue;
			char *g = qdpx_prop(r, "targetGUID");
			int code = code_by_guid(p, g);
			if (noquote_guid(p, g))
				e->consent = false;
			else if (code < 0)
				diag_emit(p->d, DIAG_WARNING, qdpx_at(p, r), "targetGUID",
					  "expected the guid of a code of the codebook, found "
					  "\"%s\": coding ignored",
					  g);
			else {
				bool dup = false;
				for (size_t k = 0; k < e->n_codes; k++)
					dup |= e->codes[k] == (size_t)code;
				if (!dup) {
					e->codes = xreallocarray(e->codes, e->n_codes + 1,
								 sizeof *e->codes);
					e->codes[e->n_codes++] = (size_t)code;
				}
			}
			free(g);
		}
	}
}

/* Codes on a whole source (a Coding child of the TextSource): Récit counts
 * codes on excerpts, so each is reported, never dropped silently. */
static void report_source_codings(project *p, xmlNode *src, const char *name)
{
	for (xmlNode *c = src->children; c; c = c->next) {
		if (!qdpx_named(c, "Coding"))
			continue;
		for (xmlNode *r = c->children; r; r = r->next) {
			if (!qdpx_named(r, "CodeRef"))
				continue;
			char *g = qdpx_prop(r, "targetGUID");
			int code = code_by_guid(p, g);
			diag_emit(p->d, DIAG_WARNING, qdpx_at(p, r), "Coding",
				  "code \"%s\" is applied to the whole source \"%s\": Récit counts "
				  "codes on selected passages, so it is not imported; select the "
				  "passages in the QDA tool",
				  code >= 0 ? p->iv->codes[code].label : g, name);
			free(g);
		}
	}
}

enum skip_reason { SKIP_OUTSIDE, SKIP_DIFFERS };

static void skip(project *p, const selection *s, enum skip_reason why, const char *source_name)
{
	p->n_skipped++;
	src_loc at = qdpx_at(p, s->node);
	if (why == SKIP_OUTSIDE)
		diag_emit(p->d, DIAG_WARNING, at, "startPosition",
			  "selection of source \"%s\" skipped: expected 0 <= startPosition < "
			  "endPosition within the text, found %lld and %lld",
			  source_name, s->start, s->end);
	else
		diag_emit(p->d, DIAG_WARNING, at, "startPosition",
			  "selection of source \"%s\" skipped: the text at positions %lld to %lld "
			  "differs from the text the QDA tool stored as its name; export the "
			  "project again or fix the selection",
			  source_name, s->start, s->end);
}

/* The selections of a source, read both ways (see the top of the file). */
static selection *read_selections(xmlNode *src, const char *text, size_t len, size_t *n)
{
	selection *sel = NULL;
	*n = 0;
	for (xmlNode *s = src->children; s; s = s->next) {
		if (!qdpx_named(s, "PlainTextSelection"))
			continue;
		sel = xreallocarray(sel, *n + 1, sizeof *sel);
		selection *x = &sel[(*n)++];
		x->node = s;
		x->name = qdpx_prop(s, "name");
		char *a = qdpx_prop(s, "startPosition"), *b = qdpx_prop(s, "endPosition");
		x->start = x->end = -1;
		if (parse_integer(a, &x->start) != PARSE_OK)
			x->start = -1;
		if (parse_integer(b, &x->end) != PARSE_OK)
			x->end = -1;
		free(a);
		free(b);
		for (int r = 0; r < READ__N; r++) {
			x->b0[r] = x->start >= 0 ? pos_to_byte(text, len, x->start, r) : (size_t)-1;
			x->b1[r] = x->end >= 0 ? pos_to_byte(text, len, x->end, r) : (size_t)-1;
		}
	}
	return sel;
}

static void import_selections(project *p, xmlNode *src, size_t item, const char *text,
			      size_t len, const char *name, int consent)
{
	size_t n = 0;
	selection *sel = read_selections(src, text, len, &n);
	bool verify = false;
	int r = choose_reading(text, len, sel, n, &verify);
	if (r == READ_CODE_POINTS && !verify && n > 0 && memchr(text, '\r', len))
		diag_emit(p->d, DIAG_WARNING, p->iv->items[item].loc, NULL,
			  "source \"%s\" has Windows line ends (CRLF) and its selections carry no "
			  "text to check their positions against: positions are read as REFI-QDA "
			  "defines them (characters, a line end counting two); check its quotes",
			  name);
	/* Excerpts of this source by span, to merge the codings of one span. */
	size_t *span_b0 = xcalloc(n ? n : 1, sizeof *span_b0);
	size_t *span_b1 = xcalloc(n ? n : 1, sizeof *span_b1);
	size_t *span_ex = xcalloc(n ? n : 1, sizeof *span_ex);
	size_t n_spans = 0, k_ex = 0;
	const char *id = p->iv->items[item].id;
	for (size_t i = 0; i < n; i++) {
		selection *s = &sel[i];
		if (!in_text(s, r)) {
			skip(p, s, SKIP_OUTSIDE, name);
			continue;
		}
		if (verify && s->name[0] &&
		    !agrees(text + s->b0[r], s->b1[r] - s->b0[r], s->name)) {
			skip(p, s, SKIP_DIFFERS, name);
			continue;
		}
		size_t j = 0;
		while (j < n_spans && !(span_b0[j] == s->b0[r] && span_b1[j] == s->b1[r]))
			j++;
		iv_excerpt *e;
		if (j < n_spans)
			e = &p->iv->excerpts[span_ex[j]];
		else {
			e = iv_add_excerpt(p->iv, collapse(text + s->b0[r], s->b1[r] - s->b0[r]));
			e->id = xasprintf("%s-%zu", id, ++k_ex);
			e->interview = item;
			e->loc = qdpx_at(p, s->node);
			e->consent = consent > 0;
			p->iv->items[item].n_excerpts++;
			span_b0[n_spans] = s->b0[r];
			span_b1[n_spans] = s->b1[r];
			span_ex[n_spans++] = p->iv->n_excerpts - 1;
		}
		add_codes(p, e, s->node);
	}
	for (size_t i = 0; i < n; i++)
		free(sel[i].name);
	free(sel);
	free(span_b0);
	free(span_b1);
	free(span_ex);
}

void qdpx_read_source(project *p, xmlNode *src)
{
	diag_sink *d = p->d;
	char *guid = qdpx_prop(src, "guid");
	char *name = qdpx_prop(src, "name");
	size_t len = 0;
	char *text = source_text(p, src, &len);
	if (!text) {
		p->n_skipped++;
		free(guid);
		free(name);
		return;
	}
	size_t item = p->iv->n_items;
	char *id = qdpx_slug(name[0] ? name : guid, item_taken, p->iv);
	iv_interview *it = iv_add_interview(p->iv);
	it->id = id;
	it->loc = qdpx_at(p, src);
	it->kpa_id = xstrdup("");
	it->kpa_name = xstrdup("");
	it->pseudonym = xstrdup("");
	it->place = xstrdup("");
	it->modalities = xstrdup("");
	it->experience = xstrdup("");
	p->iv->missing = xreallocarray(p->iv->missing, item + 1, sizeof *p->iv->missing);
	unsigned miss = IV_MISSING_GENRE | IV_MISSING_AGE | IV_MISSING_MONTHS | IV_MISSING_DATE;
	int consent = -1;
	/* Case variables first, then the source's own (file variables win). */
	for (size_t i = 0; i < p->n_case; i++)
		if (strcmp(p->case_vals[i].source, guid) == 0)
			qdpx_apply_var(p, src, &p->iv->items[item], &miss, &p->case_vals[i].val,
				       &consent);
	for (xmlNode *k = src->children; k; k = k->next) {
		var_value v;
		if (qdpx_named(k, "VariableValue") && qdpx_read_value(k, &v)) {
			qdpx_apply_var(p, src, &p->iv->items[item], &miss, &v, &consent);
			free(v.var_guid);
			free(v.value);
		}
	}
	it = &p->iv->items[item];
	if (miss & IV_MISSING_DATE) {
		char *created = qdpx_prop(src, "creationDateTime");
		char buf[11] = "";
		snprintf(buf, sizeof buf, "%s", created);
		if (parse_date(buf, &it->date) == PARSE_OK)
			miss &= ~(unsigned)IV_MISSING_DATE;
		free(created);
	}
	if (!it->kpa_id[0])
		diag_emit(d, DIAG_WARNING, it->loc, "kpa",
			  "source \"%s\" has no kpa variable: fill in kpa= for interview %s", name, id);
	if (consent < 0)
		diag_emit(d, DIAG_WARNING, it->loc, "consentement",
			  "source \"%s\" has no consentement variable: its excerpts are imported with "
			  "consentement=\"non\"; set \"oui\" only after checking the signed form",
			  name);
	p->iv->missing[item] = miss;
	report_source_codings(p, src, name);
	import_selections(p, src, item, text, len, name, consent);
	for (size_t x = p->iv->items[item].first_excerpt; x < p->iv->n_excerpts; x++)
		if (p->iv->excerpts[x].n_codes == 0)
			diag_emit(d, DIAG_WARNING, p->iv->excerpts[x].loc, NULL,
				  "selection %s carries no effect code: add codes= before using it",
				  p->iv->excerpts[x].id);
	free(text);
	free(guid);
	free(name);
}
