/* libFuzzer target: the template expression evaluator ("{...}" in text and
 * attributes), in memory, against tests/fixtures/mini: the input is the text
 * of a <p>, evaluated in markup and in plain mode, without loop variables and
 * inside a loop over a group's figures ("f") and years ("a"). */
#include <stdint.h>

#include "fuzz_fixture.h"
#include "tmpl_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void eval(tmpl_ctx *x, const char *src)
{
	strbuf out = {0};
	bool at_space = true;
	tmpl_eval(x, "fuzz.xml", 1, src, TMPL_MARKUP, &out, &at_space);
	strbuf_free(&out);
	free(tmpl_eval_str(x, "fuzz.xml", 1, src, TMPL_PLAIN));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_load_mini();
	char *src = xstrndup((const char *)data, size);
	diag_sink *d = diag_sink_create(fz_messages(), 0);
	tmpl_ctx x = {.d = d, .m = fz_model, .s = fz_stats,
		      .k = fz_model->settings.privacy_threshold};
	eval(&x, src);
	const stat_group *g = stats_group_lookup(fz_stats, "sexe");
	if (g && g->count) {
		const stat_figure *f = stats_at(fz_stats, g->first);
		const char *dot = strchr(f->id, '.');
		x.vars[x.n_vars++] = (tmpl_var){"f", f, dot ? dot + 1 : f->id, 0};
		x.vars[x.n_vars++] = (tmpl_var){"a", NULL, NULL, 2023};
	}
	const stat_group *ca = stats_group_lookup(fz_stats, "ca");
	if (ca && ca->count) { /* a KPA figure: {k.kpa.nom} and friends */
		const stat_figure *f = stats_at(fz_stats, ca->first);
		const char *dot = strchr(f->id, '.');
		x.vars[x.n_vars++] = (tmpl_var){"k", f, dot ? dot + 1 : f->id, 0};
	}
	if (x.n_vars) {
		eval(&x, src);
	}
	strset_destroy(x.ids);
	diag_sink_destroy(d);
	free(src);
	return 0;
}
