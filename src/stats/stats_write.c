/* stats_write.c - `recit stats`: every figure with its base, as CSV or JSON,
 * for the people who check the numbers. Machine-readable on purpose: '.' as
 * decimal mark, amounts in euros with two decimals, no thousands separator. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "util.h"


static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* Amounts are printed in euros with cents; counts as integers. */
static void value_text(const stat_figure *f, char *buf, size_t cap)
{
	if (f->not_collected)
		snprintf(buf, cap, "non renseigné");
	else if (f->unit == STAT_EUROS_CENTS) {
		long long v = f->value < 0 ? -f->value : f->value;
		snprintf(buf, cap, "%s%lld.%02lld", f->value < 0 ? "-" : "", v / 100, v % 100);
	} else
		snprintf(buf, cap, "%lld", f->value);
}

static void share_text(const stat_figure *f, char *buf, size_t cap)
{
	if (f->base > 0)
		snprintf(buf, cap, "%.6f", (double)f->value / (double)f->base);
	else
		buf[0] = '\0';
}

static const char *suppression_name(stat_suppression x)
{
	return x == STAT_SUPPRESSED_PRIMARY     ? "primary"
	       : x == STAT_SUPPRESSED_SECONDARY ? "secondary"
	       : x == STAT_SUPPRESSED_GROUP     ? "group"
						: "";
}

/* In public output a withheld count says nothing more than its symbol, and
 * a share says nothing unless its count and its base are both published
 * (the disclosure module decides, stats_disclose.c). */
static bool withheld(const stat_figure *f, bool public_only)
{
	return public_only && stats_withheld(f);
}

static void withheld_text(const stat_figure *f, int k, bool json, char *v, size_t cap)
{
	/* "s": secret statistique, for a cell withheld to protect another or
	 * a figure of a group under k; "<k" would be false. */
	if (f->suppression == STAT_SUPPRESSED_PRIMARY)
		snprintf(v, cap, json ? "\"<%d\"" : "<%d", k);
	else
		snprintf(v, cap, json ? "\"s\"" : "s");
}

/* A sheet's counts of the network's KPAs say nothing of the KPA. */
static bool about_the_kpa(const stat_figure *f)
{
	return strncmp(f->id, "reseau.", 7) != 0;
}

/* One figure set; prefix names a KPA's sheet ("k03:"), "" for the network. */
static void write_csv(const stats *s, const char *prefix, bool public_only, FILE *out)
{
	char v[48], sh[32];
	int k = stats_threshold(s);
	for (size_t i = 0; i < stats_count(s); i++) {
		const stat_figure *f = stats_at(s, i);
		const stat_group *g = f->group != (size_t)-1 ? stats_group_at(s, f->group) : NULL;
		bool w = withheld(f, public_only);
		if (*prefix && !about_the_kpa(f))
			continue;
		bool base_ok = !public_only || stats_base_published(s, f->base_id);
		bool share_ok = !public_only || stats_share_published(s, f);
		value_text(f, v, sizeof v);
		share_text(f, sh, sizeof sh);
		if (w)
			withheld_text(f, k, false, v, sizeof v);
		if (!share_ok)
			sh[0] = '\0';
		fprintf(out, "%s", prefix);
		fput_csv_field(out, f->id);
		fputc(',', out);
		if (g)
			fprintf(out, "%s", prefix);
		fput_csv_field(out, g ? g->id : "");
		fputc(',', out);
		fput_csv_field(out, f->label);
		fprintf(out, ",%s,%s,", v, f->unit == STAT_EUROS_CENTS ? "euros" : "count");
		if ((f->base > 0 && base_ok) || f->not_collected)
			fprintf(out, "%lld", f->base);
		else if (f->base > 0) {
			const stat_figure *b = stats_lookup(s, f->base_id);
			withheld_text(b, k, false, v, sizeof v);
			fputs(v, out);
		}
		fputc(',', out);
		if (f->base_id)
			fprintf(out, "%s", prefix);
		fput_csv_field(out, f->base_id ? f->base_id : "");
		fprintf(out, ",%s,", sh);
		if (f->percent >= 0 && share_ok)
			fprintf(out, "%d", f->percent);
		fprintf(out, ",%s\n", suppression_name(f->suppression));
	}
}

static void write_json_figures(const stats *s, const char *prefix, bool public_only,
			       bool *first, FILE *out)
{
	char v[48], sh[32];
	int k = stats_threshold(s);
	for (size_t i = 0; i < stats_count(s); i++) {
		const stat_figure *f = stats_at(s, i);
		const stat_group *g = f->group != (size_t)-1 ? stats_group_at(s, f->group) : NULL;
		bool w = withheld(f, public_only);
		if (*prefix && !about_the_kpa(f))
			continue;
		bool base_ok = !public_only || stats_base_published(s, f->base_id);
		bool share_ok = !public_only || stats_share_published(s, f);
		value_text(f, v, sizeof v);
		share_text(f, sh, sizeof sh);
		if (f->not_collected)
			snprintf(v, sizeof v, "null");
		else if (w)
			withheld_text(f, k, true, v, sizeof v);
		fputs(*first ? "    {\"id\": " : ",\n    {\"id\": ", out);
		*first = false;
		char *id = xasprintf("%s%s", prefix, f->id);
		json_string(out, id);
		free(id);
		fputs(", \"group\": ", out);
		if (g) {
			char *gid = xasprintf("%s%s", prefix, g->id);
			json_string(out, gid);
			free(gid);
		} else
			fputs("null", out);
		fputs(", \"label\": ", out);
		json_string(out, f->label);
		fprintf(out, ", \"value\": %s, \"unit\": \"%s\"", v,
			f->unit == STAT_EUROS_CENTS ? "euros" : "count");
		if (f->base > 0) {
			char bv[48];
			if (base_ok)
				snprintf(bv, sizeof bv, "%lld", f->base);
			else
				withheld_text(stats_lookup(s, f->base_id), k, true, bv, sizeof bv);
			fprintf(out, ", \"base\": %s, \"base_id\": ", bv);
			char *bid = xasprintf("%s%s", prefix, f->base_id ? f->base_id : "");
			json_string(out, f->base_id ? bid : "");
			free(bid);
			if (share_ok)
				fprintf(out, ", \"share\": %s, \"percent\": %d", sh, f->percent);
		}
		if (f->not_collected) {
			fputs(", \"base\": 0, \"base_id\": ", out);
			char *bid = xasprintf("%s%s", prefix, f->base_id ? f->base_id : "");
			json_string(out, f->base_id ? bid : "");
			free(bid);
			fputs(", \"collected\": false", out);
		}
		if (f->suppression != STAT_PUBLISHED)
			fprintf(out, ", \"suppressed\": \"%s\"", suppression_name(f->suppression));
		fputc('}', out);
	}
}

static void write_json_groups(const stats *s, const char *prefix, bool public_only,
			      bool *first, FILE *out)
{
	for (size_t i = 0; i < stats_group_count(s); i++) {
		const stat_group *g = stats_group_at(s, i);
		fputs(*first ? "    {\"id\": " : ",\n    {\"id\": ", out);
		*first = false;
		char *gid = xasprintf("%s%s", prefix, g->id);
		json_string(out, gid);
		free(gid);
		fputs(", \"title\": ", out);
		json_string(out, g->title);
		fputs(", \"base_id\": ", out);
		if (g->base_id) {
			char *bid = xasprintf("%s%s", prefix, g->base_id);
			json_string(out, bid);
			free(bid);
		} else
			fputs("null", out);
		if (!public_only || stats_base_published(s, g->base_id))
			fprintf(out, ", \"base\": %lld", g->base);
		fprintf(out, ", \"partition\": %s, \"figures\": [", g->partition ? "true" : "false");
		for (size_t j = 0; j < g->count; j++) {
			if (j)
				fputs(", ", out);
			char *id = xasprintf("%s%s", prefix, stats_at(s, g->first + j)->id);
			json_string(out, id);
			free(id);
		}
		fputs("]}", out);
	}
}

/* The public output is the whole publication: the network's figures, then
 * every KPA's sheet, ids prefixed with the KPA's id ("k03:sexe.F"). */
void stats_write(const stats *s, stats_format fmt, bool public_only, FILE *out)
{
	size_t nk = public_only ? stats_kpa_count(s) : 0;
	if (fmt == STATS_FORMAT_CSV) {
		fputs("id,group,label,value,unit,base,base_id,share,percent,suppressed\n", out);
		write_csv(s, "", public_only, out);
		for (size_t k = 0; k < nk; k++) {
			char *prefix = xasprintf("%s:", stats_kpa_id(stats_kpa(s, k)));
			write_csv(stats_kpa(s, k), prefix, public_only, out);
			free(prefix);
		}
		return;
	}
	fprintf(out, "{\n  \"threshold\": %d,\n  \"public\": %s,\n  \"figures\": [\n",
		stats_threshold(s), public_only ? "true" : "false");
	bool first = true;
	write_json_figures(s, "", public_only, &first, out);
	for (size_t k = 0; k < nk; k++) {
		char *prefix = xasprintf("%s:", stats_kpa_id(stats_kpa(s, k)));
		write_json_figures(stats_kpa(s, k), prefix, public_only, &first, out);
		free(prefix);
	}
	fputs("\n  ],\n  \"groups\": [\n", out);
	first = true;
	write_json_groups(s, "", public_only, &first, out);
	for (size_t k = 0; k < nk; k++) {
		char *prefix = xasprintf("%s:", stats_kpa_id(stats_kpa(s, k)));
		write_json_groups(stats_kpa(s, k), prefix, public_only, &first, out);
		free(prefix);
	}
	fputs("\n  ]\n}\n", out);
}
