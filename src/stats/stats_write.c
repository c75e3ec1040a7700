/* stats_write.c - `recit stats`: every figure with its base, as CSV or JSON,
 * for the people who check the numbers. Machine-readable on purpose: '.' as
 * decimal mark, amounts in euros with two decimals, no thousands separator. */
#include <stdbool.h>
#include <stdio.h>
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
	return x == STAT_SUPPRESSED_PRIMARY ? "primary" : x == STAT_SUPPRESSED_SECONDARY ? "secondary" : "";
}

/* In public output a withheld count reads "<k" and says nothing more. */
static bool withheld(const stat_figure *f, bool public_only)
{
	return public_only && f->suppression != STAT_PUBLISHED;
}

void stats_write(const stats *s, stats_format fmt, bool public_only, FILE *out)
{
	char v[48], sh[32];
	int k = stats_threshold(s);
	if (fmt == STATS_FORMAT_CSV) {
		fputs("id,group,label,value,unit,base,base_id,share,percent,suppressed\n", out);
		for (size_t i = 0; i < stats_count(s); i++) {
			const stat_figure *f = stats_at(s, i);
			const stat_group *g = f->group != (size_t)-1 ? stats_group_at(s, f->group) : NULL;
			bool w = withheld(f, public_only);
			value_text(f, v, sizeof v);
			share_text(f, sh, sizeof sh);
			if (w) {
				/* "s": secret statistique, the usual mark for a cell
				 * withheld to protect another; "<k" would be false. */
				if (f->suppression == STAT_SUPPRESSED_PRIMARY)
					snprintf(v, sizeof v, "<%d", k);
				else
					snprintf(v, sizeof v, "s");
				sh[0] = '\0';
			}
			fput_csv_field(out, f->id);
			fputc(',', out);
			fput_csv_field(out, g ? g->id : "");
			fputc(',', out);
			fput_csv_field(out, f->label);
			fprintf(out, ",%s,%s,", v, f->unit == STAT_EUROS_CENTS ? "euros" : "count");
			if (f->base > 0 || f->not_collected)
				fprintf(out, "%lld", f->base);
			fputc(',', out);
			fput_csv_field(out, f->base_id ? f->base_id : "");
			fprintf(out, ",%s,", sh);
			if (f->percent >= 0 && !w)
				fprintf(out, "%d", f->percent);
			fprintf(out, ",%s\n", suppression_name(f->suppression));
		}
		return;
	}
	fprintf(out, "{\n  \"threshold\": %d,\n  \"public\": %s,\n  \"figures\": [\n", k,
		public_only ? "true" : "false");
	for (size_t i = 0; i < stats_count(s); i++) {
		const stat_figure *f = stats_at(s, i);
		const stat_group *g = f->group != (size_t)-1 ? stats_group_at(s, f->group) : NULL;
		bool w = withheld(f, public_only);
		value_text(f, v, sizeof v);
		share_text(f, sh, sizeof sh);
		if (f->not_collected)
			snprintf(v, sizeof v, "null");
		else if (w && f->suppression == STAT_SUPPRESSED_PRIMARY)
			snprintf(v, sizeof v, "\"<%d\"", k);
		else if (w)
			snprintf(v, sizeof v, "\"s\"");
		fputs("    {\"id\": ", out);
		json_string(out, f->id);
		fputs(", \"group\": ", out);
		if (g)
			json_string(out, g->id);
		else
			fputs("null", out);
		fputs(", \"label\": ", out);
		json_string(out, f->label);
		fprintf(out, ", \"value\": %s, \"unit\": \"%s\"", v,
			f->unit == STAT_EUROS_CENTS ? "euros" : "count");
		if (f->base > 0) {
			fprintf(out, ", \"base\": %lld, \"base_id\": ", f->base);
			json_string(out, f->base_id ? f->base_id : "");
			if (!w)
				fprintf(out, ", \"share\": %s, \"percent\": %d", sh, f->percent);
		}
		if (f->not_collected)
			fprintf(out, ", \"base\": 0, \"base_id\": \"%s\", \"collected\": false",
				f->base_id ? f->base_id : "");
		if (f->suppression != STAT_PUBLISHED)
			fprintf(out, ", \"suppressed\": \"%s\"", suppression_name(f->suppression));
		fprintf(out, "}%s\n", i + 1 < stats_count(s) ? "," : "");
	}
	fputs("  ],\n  \"groups\": [\n", out);
	for (size_t i = 0; i < stats_group_count(s); i++) {
		const stat_group *g = stats_group_at(s, i);
		fputs("    {\"id\": ", out);
		json_string(out, g->id);
		fputs(", \"title\": ", out);
		json_string(out, g->title);
		fputs(", \"base_id\": ", out);
		if (g->base_id)
			json_string(out, g->base_id);
		else
			fputs("null", out);
		fprintf(out, ", \"base\": %lld, \"partition\": %s, \"figures\": [", g->base,
			g->partition ? "true" : "false");
		for (size_t j = 0; j < g->count; j++) {
			if (j)
				fputs(", ", out);
			json_string(out, stats_at(s, g->first + j)->id);
		}
		fprintf(out, "]}%s\n", i + 1 < stats_group_count(s) ? "," : "");
	}
	fputs("  ]\n}\n", out);
}
