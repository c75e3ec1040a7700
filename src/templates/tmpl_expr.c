/* tmpl_expr.c - "{id|format}" expressions in template text and attributes,
 * evaluated against the statistics, the report settings and loop variables,
 * and the "did you mean" suggestions every error message carries. */
#include <stdlib.h>
#include <string.h>

#include "fmt_fr.h"
#include "i18n.h"
#include "tmpl_int.h"

/* ---- suggestions ---------------------------------------------------------- */

static const char *const settings_names[] = {
	"rapport.titre", "rapport.sous-titre", "rapport.organisation", "rapport.auteur",
	"rapport.date",  "periode.debut",      "periode.fin",          "rapport.seuil"};
#define N_SETTINGS (sizeof settings_names / sizeof *settings_names)

text_hint tmpl_did_you_mean_figure(const stats *s, const char *name)
{
	size_t n = stats_count(s), ng = stats_group_count(s);
	size_t ny = TMPL_N_YEAR_NAMES;
	const char **c = xcalloc(n + ng + N_SETTINGS + ny, sizeof *c);
	for (size_t i = 0; i < n; i++)
		c[i] = stats_at(s, i)->id;
	for (size_t i = 0; i < N_SETTINGS; i++)
		c[n + i] = settings_names[i];
	for (size_t i = 0; i < ny; i++)
		c[n + N_SETTINGS + i] = tmpl_year_names[i];
	for (size_t i = 0; i < ng; i++) /* after the figures: ties prefer a figure */
		c[n + N_SETTINGS + ny + i] = stats_group_at(s, i)->id;
	text_hint r = text_did_you_mean(name, c, n + ng + N_SETTINGS + ny);
	free(c);
	return r;
}

/* ---- figures as text --------------------------------------------------------- */

bool tmpl_count_text(const tmpl_ctx *x, const stat_figure *f, char *buf, size_t cap)
{
	/* The disclosure module (stats_disclose.c) has decided; this only
	 * spells its decision. */
	if (f->suppression == STAT_SUPPRESSED_PRIMARY) {
		snprintf(buf, cap, "&lt;" FR_NNBSP "%d", stats_threshold(x->s));
		return true;
	}
	if (stats_withheld(f)) {
		/* Withheld so that a small cell cannot be recomputed, or a
		 * figure of a group under k: "< k" would be false, so the usual
		 * « s » (secret statistique) stands in. */
		snprintf(buf, cap, "s");
		return true;
	}
	fmt_int(buf, cap, f->value);
	return false;
}

char *tmpl_share_text(const tmpl_ctx *x, const stat_figure *f)
{
	char buf[FMT_CAP];
	if ((f->unit == STAT_COUNT && tmpl_count_text(x, f, buf, sizeof buf)) || f->percent < 0)
		return xstrdup(f->unit == STAT_COUNT ? buf : fmt_euros(buf, sizeof buf, f->value, 0));
	if (f->unit == STAT_COUNT && !stats_share_published(x->s, f))
		return xstrdup(buf); /* the count alone: its base is withheld */
	return xstrdup(fmt_percent(buf, sizeof buf, f->percent));
}

const char *tmpl_base_text(const tmpl_ctx *x, const char *base_id, long long base, char *buf,
			   size_t cap)
{
	const stat_figure *b = base_id ? stats_lookup(x->s, base_id) : NULL;
	if (b && b->unit == STAT_COUNT)
		tmpl_count_text(x, b, buf, cap);
	else
		fmt_int(buf, cap, base);
	return buf;
}

const tmpl_var *tmpl_var_lookup(const tmpl_ctx *x, const char *name)
{
	for (size_t i = x->n_vars; i-- > 0;)
		if (!strcmp(x->vars[i].name, name))
			return &x->vars[i];
	return NULL;
}

/* ---- evaluation -------------------------------------------------------------- */

typedef enum { V_NONE, V_FIGURE, V_GROUP, V_TEXT, V_DATE, V_INT } vkind;

typedef struct {
	vkind kind;
	const stat_figure *f;
	const stat_group *g;
	const char *text; /* plain */
	recit_date date;
	long long n;
} tval;

static const char *const figure_formats[] = {"nombre", "pourcent", "part", "base", "euros",
					     "libelle"};
static const char *const date_formats[] = {"date", "mois", "court", "annee"};
static const char *const all_formats[] = {"nombre", "pourcent", "part",  "base",
					  "euros",  "libelle",  "date",  "mois",
					  "court",  "annee",    "initiale", "lettres"};
#define COUNT(a) (sizeof(a) / sizeof *(a))

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return true;
	return false;
}

static void append_plain(strbuf *out, const char *s, tmpl_mode mode)
{
	if (mode == TMPL_PLAIN) {
		strbuf_puts(out, s);
		return;
	}
	char *e = doc_escape(s);
	strbuf_puts(out, e);
	free(e);
}

/* Markup produced for data (the "&lt;" of a hidden count) in plain mode. */
static void append_markup(strbuf *out, const char *s, tmpl_mode mode)
{
	if (mode == TMPL_MARKUP) {
		strbuf_puts(out, s);
		return;
	}
	for (; *s; s++)
		if (!strncmp(s, "&lt;", 4)) {
			strbuf_putc(out, '<');
			s += 3;
		} else
			strbuf_putc(out, *s);
}

static const char *const fig_props[] = {"libelle", "cle", "id", "kpa"};

/* Resolve ref ("sexe.F", "rapport.titre", "$k.kpa.ville") into v. buf holds
 * text the value may point into. Returns false after reporting an error. */
static bool resolve(tmpl_ctx *x, const char *file, int line, const char *ref, tval *v,
		    char *buf, size_t cap)
{
	const model_settings *set = &x->m->settings;
	memset(v, 0, sizeof *v);
	int sheet = tmpl_fiche_ref(x, file, line, ref, &v->text, buf, cap);
	if (sheet != 0) {
		v->kind = V_TEXT;
		return sheet > 0;
	}
	if (ref[0] == '$') {
		const char *dot = strchr(ref, '.');
		char *name = dot ? xstrndup(ref + 1, (size_t)(dot - ref - 1)) : xstrdup(ref + 1);
		const tmpl_var *var = tmpl_var_lookup(x, name);
		if (!var) {
			const char *c[TMPL_MAX_VARS];
			for (size_t i = 0; i < x->n_vars; i++)
				c[i] = x->vars[i].name;
			tmpl_error(x, file, line, "unknown variable \"$%s\"%s", name,
				   x->n_vars ? text_did_you_mean(name, c, x->n_vars).s
					     : _(" (no loop is open here)"));
			free(name);
			return false;
		}
		free(name);
		const char *prop = dot ? dot + 1 : NULL;
		if (!var->fig) {
			if (prop) {
				tmpl_error(x, file, line, "\"$%s\" is a year and has no \"%s\"",
					   var->name, prop);
				return false;
			}
			v->kind = V_INT;
			v->n = var->year;
			return true;
		}
		if (!prop) {
			v->kind = V_FIGURE;
			v->f = var->fig;
			return true;
		}
		v->kind = V_TEXT;
		if (!strcmp(prop, "libelle"))
			v->text = var->fig->label;
		else if (!strcmp(prop, "cle"))
			v->text = var->key;
		else if (!strcmp(prop, "id"))
			v->text = var->fig->id;
		else if (!strncmp(prop, "kpa.", 4)) {
			int ki = model_find_kpa(x->m, var->key);
			if (ki < 0) {
				tmpl_error(x, file, line,
					   "\"$%s.%s\": figure \"%s\" is not about a KPA (\"%s\" "
					   "is not a KPA id)",
					   var->name, prop, var->fig->id, var->key);
				return false;
			}
			v->text = tmpl_kpa_field(&x->m->kpas[ki], prop + 4, buf, cap);
			if (!v->text) {
				tmpl_error(x, file, line, "unknown KPA field \"%s\"%s", prop + 4,
					   text_did_you_mean(prop + 4, tmpl_kpa_fields, TMPL_N_KPA_FIELDS).s);
				return false;
			}
		} else {
			tmpl_error(x, file, line, "unknown property \"%s\" of \"$%s\"%s", prop,
				   var->name, text_did_you_mean(prop, fig_props, COUNT(fig_props)).s);
			return false;
		}
		return true;
	}
	if (!strcmp(ref, "rapport.titre") || !strcmp(ref, "rapport.sous-titre") ||
	    !strcmp(ref, "rapport.organisation") || !strcmp(ref, "rapport.auteur")) {
		const char *s = ref[8] == 't'   ? set->title
				: ref[8] == 's' ? set->subtitle
				: ref[8] == 'o' ? set->organisation
						: set->author;
		v->kind = V_TEXT;
		v->text = s ? s : "";
		return true;
	}
	int year = tmpl_year_ref(x, file, line, ref, &v->text, &v->n);
	if (year != 0) {
		v->kind = year == 1 ? V_TEXT : V_INT;
		return year > 0;
	}
	if (!strcmp(ref, "rapport.seuil")) {
		/* The small-cell threshold in force, for notes that explain « < k ». */
		v->kind = V_INT;
		v->n = stats_threshold(x->s) > 0 ? stats_threshold(x->s) : x->k;
		return true;
	}
	if (!strcmp(ref, "rapport.date") || !strcmp(ref, "periode.debut") ||
	    !strcmp(ref, "periode.fin")) {
		v->kind = V_DATE;
		v->date = ref[0] == 'r'	     ? set->report_date
			  : ref[8] == 'd' ? set->period_start
					  : set->period_end;
		return true;
	}
	const stat_figure *f = stats_lookup(x->s, ref);
	if (!f && (v->g = stats_group_lookup(x->s, ref))) {
		v->kind = V_GROUP;
		return true;
	}
	if (!f) {
		tmpl_error(x, file, line, "unknown figure \"%s\"%s", ref,
			   tmpl_did_you_mean_figure(x->s, ref).s);
		return false;
	}
	v->kind = V_FIGURE;
	v->f = f;
	return true;
}

/* Capitalise the first letter: ASCII, and the Latin-1 lower-case letters
 * (é -> É) that French month names and labels may start with. */
static void initial_upper(char *s)
{
	unsigned char *p = (unsigned char *)s;
	if (p[0] >= 'a' && p[0] <= 'z')
		p[0] = (unsigned char)(p[0] - 32);
	else if (p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7)
		p[1] = (unsigned char)(p[1] - 0x20);
}

/* Apply format fmt (NULL: the default for the kind) to v, writing markup or
 * plain text to out. */
static bool format_value(tmpl_ctx *x, const char *file, int line, const char *ref,
			 const tval *v, const char *fmt, tmpl_mode mode, strbuf *out)
{
	char buf[FMT_CAP];
	if (v->kind == V_TEXT) {
		if (fmt) {
			tmpl_error(x, file, line, "\"%s\" is text and takes no format \"%s\"", ref,
				   fmt);
			return false;
		}
		append_plain(out, v->text, mode);
		return true;
	}
	if (v->kind == V_INT && fmt && !strcmp(fmt, "lettres")) {
		/* Small counts in words (« six ateliers »); digits from 100. */
		if (!tmpl_number_words(v->n, buf, sizeof buf))
			fmt_int(buf, sizeof buf, v->n);
		strbuf_puts(out, buf);
		return true;
	}
	if (v->kind == V_INT) {
		if (fmt && strcmp(fmt, "nombre")) {
			tmpl_error(x, file, line, "\"%s\" is a year and takes no format \"%s\"",
				   ref, fmt);
			return false;
		}
		if (fmt) /* a year prints as 2023, not 2 023, unless asked */
			fmt_int(buf, sizeof buf, v->n);
		else
			snprintf(buf, sizeof buf, "%lld", v->n);
		strbuf_puts(out, buf);
		return true;
	}
	if (v->kind == V_DATE) {
		const char *f = fmt ? fmt : "date";
		if (!strcmp(f, "date"))
			fmt_date_long(buf, sizeof buf, v->date);
		else if (!strcmp(f, "mois"))
			fmt_month_year(buf, sizeof buf, v->date);
		else if (!strcmp(f, "court"))
			fmt_date_short(buf, sizeof buf, v->date);
		else if (!strcmp(f, "annee"))
			snprintf(buf, sizeof buf, "%d", v->date.y);
		else {
			tmpl_error(x, file, line, "unknown date format \"%s\"%s", f,
				   text_did_you_mean(f, date_formats, COUNT(date_formats)).s);
			return false;
		}
		if (!date_is_set(v->date))
			buf[0] = '\0';
		append_plain(out, buf, mode);
		return true;
	}
	if (v->kind == V_GROUP) {
		/* A group's base is published as is, like the "n = ..." of every note. */
		if (fmt && !strcmp(fmt, "base"))
			append_markup(out, tmpl_base_text(x, v->g->base_id, v->g->base, buf, sizeof buf),
				      mode);
		else if (fmt && !strcmp(fmt, "libelle"))
			append_plain(out, v->g->title, mode);
		else {
			tmpl_error(x, file, line,
				   "\"%s\" is a group: write {%s|base} or {%s|libelle}", ref, ref,
				   ref);
			return false;
		}
		return true;
	}
	const stat_figure *f = v->f;
	const char *fm = fmt ? fmt : "nombre";
	bool share = f->percent >= 0 && f->base > 0;
	/* An optional answer nobody gave: say so rather than print 0 or 0 %. */
	if (f->not_collected &&
	    (!strcmp(fm, "nombre") || !strcmp(fm, "pourcent") || !strcmp(fm, "part"))) {
		append_plain(out, "non renseigné", mode);
		return true;
	}
	if (f->not_collected && !strcmp(fm, "base")) {
		strbuf_puts(out, "0");
		return true;
	}
	if (!strcmp(fm, "nombre")) {
		if (f->unit == STAT_EUROS_CENTS)
			append_plain(out, fmt_euros(buf, sizeof buf, f->value, 0), mode);
		else {
			tmpl_count_text(x, f, buf, sizeof buf);
			append_markup(out, buf, mode);
		}
	} else if (!strcmp(fm, "euros")) {
		if (f->unit != STAT_EUROS_CENTS) {
			tmpl_error(x, file, line,
				   "figure \"%s\" is a count, not an amount: use {%s} or {%s|nombre}",
				   f->id, ref, ref);
			return false;
		}
		append_plain(out, fmt_euros(buf, sizeof buf, f->value, 0), mode);
	} else if (!strcmp(fm, "libelle")) {
		append_plain(out, f->label, mode);
	} else if (!strcmp(fm, "pourcent") || !strcmp(fm, "part") || !strcmp(fm, "base")) {
		if (!share) {
			tmpl_error(x, file, line,
				   "figure \"%s\" is not a share of a base: \"%s\" needs one", f->id,
				   fm);
			return false;
		}
		if (!strcmp(fm, "base")) {
			append_markup(out, tmpl_base_text(x, f->base_id, f->base, buf, sizeof buf), mode);
			return true;
		}
		char *s = tmpl_share_text(x, f);
		append_markup(out, s, mode);
		free(s);
		if (!strcmp(fm, "part"))
			strbuf_printf(out, " (n = %s)", tmpl_base_text(x, f->base_id, f->base, buf, sizeof buf));
	} else {
		tmpl_error(x, file, line, "unknown format \"%s\"%s", fm,
			   text_did_you_mean(fm, figure_formats, COUNT(figure_formats)).s);
		return false;
	}
	return true;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

/* One expression, the text between the braces. */
static void eval_expr(tmpl_ctx *x, const char *file, int line, const char *expr, size_t len,
		      tmpl_mode mode, strbuf *out)
{
	/* Split on '|': reference, then formats; "initiale" may follow any. */
	char *parts[8];
	size_t np = 0;
	const char *p = expr, *end = expr + len;
	while (np < 8) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *e = bar ? bar : end;
		parts[np++] = trim_dup(p, (size_t)(e - p));
		if (!bar)
			break;
		p = bar + 1;
	}
	const char *ref = parts[0];
	const char *fmt = NULL;
	bool initial = false, ok = true;
	if (!*ref) {
		tmpl_error(x, file, line, "empty expression {}: write {{ for a literal brace");
		ok = false;
	}
	for (size_t i = 1; ok && i < np; i++) {
		if (!strcmp(parts[i], "initiale"))
			initial = true;
		else if (fmt || !*parts[i]) {
			if (*parts[i])
				tmpl_error(x, file, line, "more than one format in {%.*s}", (int)len,
					   expr);
			else
				tmpl_error(x, file, line, "empty format in {%.*s}", (int)len, expr);
			ok = false;
		} else if (!in_list(parts[i], all_formats, COUNT(all_formats))) {
			tmpl_error(x, file, line, "unknown format \"%s\"%s", parts[i],
				   text_did_you_mean(parts[i], all_formats, COUNT(all_formats)).s);
			ok = false;
		} else
			fmt = parts[i];
	}
	tval v;
	char buf[FMT_CAP];
	if (ok && resolve(x, file, line, ref, &v, buf, sizeof buf)) {
		strbuf tmp = {0};
		if (format_value(x, file, line, ref, &v, fmt, mode, &tmp)) {
			if (initial && tmp.data)
				initial_upper(tmp.data);
			if (tmp.data)
				strbuf_add(out, tmp.data, tmp.len);
		}
		strbuf_free(&tmp);
	}
	for (size_t i = 0; i < np; i++)
		free(parts[i]);
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void tmpl_eval(tmpl_ctx *x, const char *file, int line, const char *src, tmpl_mode mode,
	       strbuf *out, bool *at_space)
{
	for (const char *p = src; *p;) {
		if ((p[0] == '{' || p[0] == '}') && p[1] == p[0]) {
			strbuf_putc(out, p[0]);
			p += 2;
			if (at_space)
				*at_space = false;
		} else if (p[0] == '{') {
			const char *close = strchr(p + 1, '}');
			const char *open = strchr(p + 1, '{');
			if (!close || (open && open < close)) {
				tmpl_error(x, file, line,
					   "unclosed \"{\": write {{ for a literal brace");
				return;
			}
			eval_expr(x, file, line, p + 1, (size_t)(close - p - 1), mode, out);
			for (const char *q = p; q < close; q++)
				line += *q == '\n';
			if (at_space)
				*at_space = false;
			p = close + 1;
		} else if (at_space && is_ws(*p)) {
			for (; is_ws(*p); p++)
				line += *p == '\n';
			if (!*at_space)
				strbuf_putc(out, ' ');
			*at_space = true;
		} else {
			line += *p == '\n';
			char c[2] = {*p++, '\0'};
			append_plain(out, c, mode);
			if (at_space)
				*at_space = false;
		}
	}
}

char *tmpl_eval_str(tmpl_ctx *x, const char *file, int line, const char *src, tmpl_mode mode)
{
	strbuf b = {0};
	bool at_space = true;
	tmpl_eval(x, file, line, src, mode, &b, &at_space);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return strbuf_detach(&b);
}
