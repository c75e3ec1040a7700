/* libFuzzer target: layout templates, loaded and expanded. The input is
 * written as layouts/fuzz.xml in a scratch folder that also holds the real
 * chiffres-cles.xml, finances.xml and effets.xml (for <inclure>) and the
 * narrative files of tests/fixtures/tmpl (for <texte fichier>); it is loaded
 * with the real schemas and expanded against tests/fixtures/mini, with the
 * sample's coded interviews for inputs of odd length (the effects chapter's
 * elements). Nothing may crash, leak, hang or touch a file outside the
 * scratch folder. */
#include <stdint.h>
#include <sys/stat.h>

#include "fuzz_fixture.h"
#include "interview.h"
#include "tmpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *layouts, *inputs, *schemas, *main_path;
static FILE *devnull;
static interviews *iv;

static void free_paths(void)
{
	interviews_destroy(iv);
	free(layouts);
	free(inputs);
	free(schemas);
	free(main_path);
	if (devnull)
		fclose(devnull);
}

static void setup(void)
{
	fz_load_mini();
	layouts = xasprintf("%s/layouts", fz_dir());
	inputs = xasprintf("%s/inputs", fz_dir());
	schemas = xasprintf("%s/layouts", fz_src());
	main_path = xasprintf("%s/fuzz.xml", layouts);
	char *narr = xasprintf("%s/narratif", inputs);
	if (mkdir(layouts, 0777) || mkdir(inputs, 0777) || mkdir(narr, 0777))
		abort();
	free(narr);
	fz_copy("layouts/chiffres-cles.xml", "layouts/chiffres-cles.xml");
	fz_copy("layouts/finances.xml", "layouts/finances.xml");
	char *effects = xasprintf("%s/layouts/effets.xml", fz_src());
	if (access(effects, R_OK) == 0)
		fz_copy("layouts/effets.xml", "layouts/effets.xml");
	free(effects);
	const char *texts[] = {"conclusion", "demarche", "presentation", "recit"};
	for (size_t i = 0; i < 4; i++) {
		char *from = xasprintf("tests/fixtures/tmpl/narratif/%s.xml", texts[i]);
		char *to = xasprintf("inputs/narratif/%s.xml", texts[i]);
		fz_copy(from, to);
		free(from);
		free(to);
	}
	devnull = fopen("/dev/null", "w");
	char *ivdir = xasprintf("%s/inputs/entretiens", fz_src());
	diag_sink *d = diag_sink_create(stderr, 0);
	iv = interviews_load(d, ivdir, NULL);
	if (!iv || diag_failed(d))
		abort();
	diag_sink_destroy(d);
	free(ivdir);
	atexit(free_paths);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!layouts)
		setup();
	fz_write(main_path, data, size);
	diag_sink *d = diag_sink_create(fz_messages(), 0);
	tmpl_paths p = {layouts, "fuzz.xml", inputs, schemas};
	tmpl *t = tmpl_load(d, &p);
	doc *out = !t ? NULL
		   : size % 2 ? tmpl_build_with_interviews(d, t, fz_model, fz_stats, iv)
			      : tmpl_build(d, t, fz_model, fz_stats);
	if (out && devnull)
		doc_dump(out, devnull);
	doc_destroy(out);
	tmpl_destroy(t);
	diag_sink_destroy(d);
	return 0;
}
