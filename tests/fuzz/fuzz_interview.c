/* libFuzzer target: the interview reader (grille.xml and entretiens.xml),
 * then everything that reads what it loaded: effects, segments, cards, the
 * CSV figures, quote selection and attribution, the private first-name
 * guard and (for a quarter of the inputs) the writer. An input containing the line "=====" is split there:
 * grille.xml before, entretiens.xml after; otherwise the input is
 * entretiens.xml next to the sample's grille.xml. Inputs of odd length are
 * read against tests/fixtures/mini's KPAs, even ones without a model. */
#include <stdint.h>
#include <sys/stat.h>

#include "effects.h"
#include "fuzz_fixture.h"
#include "interview.h"
#include "interview_quotes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *in_dir, *out_dir, *grid, *grid_sample, *items, *names;
static size_t grid_sample_len;
static FILE *devnull;

static void free_paths(void)
{
	free(in_dir);
	free(out_dir);
	free(grid);
	free(grid_sample);
	free(items);
	free(names);
	if (devnull)
		fclose(devnull);
}

static void setup(void)
{
	fz_load_mini();
	in_dir = xasprintf("%s/entretiens", fz_dir());
	out_dir = xasprintf("%s/sortie", fz_dir());
	grid = xasprintf("%s/grille.xml", in_dir);
	items = xasprintf("%s/entretiens.xml", in_dir);
	names = xasprintf("%s/prenoms.txt", fz_dir());
	if (mkdir(in_dir, 0777) || mkdir(out_dir, 0777))
		abort();
	char *p = xasprintf("%s/inputs/entretiens/grille.xml", fz_src());
	grid_sample = read_file(p, (size_t)16 << 20, &grid_sample_len);
	if (!grid_sample)
		abort();
	free(p);
	static const char list[] = "# private\nMarie\nJosé\nAnne-Sophie\n";
	fz_write(names, list, sizeof list - 1);
	devnull = fopen("/dev/null", "w");
	atexit(free_paths);
}

static void exercise(diag_sink *d, interviews *iv)
{
	(void)interviews_check_private_names(d, iv, names);
	effects *e = effects_compute(iv, NULL);
	const effect_count *ranked[64];
	(void)effects_ranked(e, iv, 0, ranked, 64);
	effects_destroy(e);
	const char *segs[] = {EFFECTS_SEGMENT_WOMEN_40, EFFECTS_SEGMENT_UNDER_30};
	for (size_t i = 0; i < 2; i++) {
		iv_filter *f = iv_filter_parse(d, segs[i], "fuzz");
		segment_table *t = f ? effects_segment(iv, f) : NULL;
		for (size_t r = 0; t && r < segment_table_count(t); r++)
			(void)segment_table_at(t, r);
		segment_table_destroy(t);
		iv_filter_destroy(f);
	}
	size_t nc = interviews_card_count(iv);
	card_count *cards = xcalloc(nc ? nc : 1, sizeof *cards);
	effects_cards(iv, cards);
	free(cards);
	if (devnull)
		effects_write_csv(iv, devnull);
	for (size_t c = 0; c < interviews_code_count(iv); c++) {
		iv_quote q[4];
		quote_options o = {.max_quotes = 4, .max_chars = 400, .include_descendants = true};
		size_t n = quotes_select(iv, c, &o, q, 4);
		for (size_t i = 0; i < n; i++)
			free(quotes_attribution(d, iv, &q[i], "{role}, {age}, {kpa}, {anciennete}"));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!in_dir)
		setup();
	const uint8_t *cut = NULL;
	for (size_t i = 0; !cut && i + 7 <= size; i++)
		if (!memcmp(data + i, "\n=====\n", 7))
			cut = data + i;
	if (cut) {
		fz_write(grid, data, (size_t)(cut - data));
		fz_write(items, cut + 7, size - (size_t)(cut - data) - 7);
	} else {
		fz_write(grid, grid_sample, grid_sample_len);
		fz_write(items, data, size);
	}
	diag_sink *d = diag_sink_create(fz_messages(), 0);
	interviews *iv = interviews_load(d, in_dir, size % 2 ? fz_model : NULL);
	if (iv)
		exercise(d, iv);
	if (iv && size % 4 == 1) /* the writer fsyncs: not every input */
		(void)interviews_save(d, iv, out_dir, true);
	interviews_destroy(iv);
	diag_sink_destroy(d);
	return 0;
}
