/* libFuzzer target: the REFI-QDA importer. An input that starts with "PK" is
 * taken as the archive itself (entry names, declared sizes, compression);
 * any other input is a project: the text up to a line "=====" becomes
 * project.qde, the rest the source text sources/<guid>.txt of the test
 * fixture, zipped here with libzip, so that the fuzzer reaches the project
 * reader rather than spending its time on zip checksums. Small caps make the
 * limits reachable; what is imported is written out as Récit's files. */
#include <stdint.h>
#include <sys/stat.h>

#include <zip.h>

#include "fuzz_fixture.h"
#include "qdpx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *zip_path, *out_dir;

static void free_paths(void)
{
	free(zip_path);
	free(out_dir);
}

static void add(zip_t *z, const char *name, const uint8_t *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	if (!s || zip_file_add(z, name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		abort();
	}
}

static void write_project(const uint8_t *data, size_t size)
{
	const uint8_t *cut = NULL;
	for (size_t i = 0; !cut && i + 7 <= size; i++)
		if (!memcmp(data + i, "\n=====\n", 7))
			cut = data + i;
	int err = 0;
	zip_t *z = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z)
		abort();
	size_t qde = cut ? (size_t)(cut - data) : size;
	add(z, "project.qde", data, qde);
	if (cut)
		add(z, "sources/5B1C0E2A-0000-4000-8000-000000000001.txt", cut + 7, size - qde - 7);
	if (zip_close(z) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!zip_path) {
		zip_path = xasprintf("%s/projet.qdpx", fz_dir());
		out_dir = xasprintf("%s/entretiens", fz_dir());
		if (mkdir(out_dir, 0777))
			abort();
		atexit(free_paths);
	}
	if (size >= 2 && data[0] == 'P' && data[1] == 'K')
		fz_write(zip_path, data, size);
	else
		write_project(data, size);
	diag_sink *d = diag_sink_create(fz_messages(), 0);
	zip_limits lim = {.max_entries = 64, .max_entry_bytes = 1 << 20,
			   .max_total_bytes = 4 << 20, .max_ratio = 100};
	interviews *iv = qdpx_read(d, zip_path, &lim);
	if (iv && size % 4 == 1) /* the writer fsyncs: not every input */
		(void)interviews_save(d, iv, out_dir, true);
	interviews_destroy(iv);
	diag_sink_destroy(d);
	return 0;
}
