/* libFuzzer target: the workbook reader (.xlsx, .ods). An input that starts
 * with "PK" is taken as the archive itself, read once as .xlsx and once as
 * .ods. Any other input is one XML part: its first byte chooses the format
 * (even: the sheet part of an .xlsx whose workbook, relationships, shared
 * strings and styles are fixed here; odd: the content.xml of an .ods), zipped
 * here with libzip so that the fuzzer reaches the sheet readers rather than
 * spending its time on zip checksums. */
#include <stdint.h>

#include <zip.h>

#include "fuzz_fixture.h"
#include "sheet_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *xlsx_path, *ods_path;

static void free_paths(void)
{
	free(xlsx_path);
	free(ods_path);
}

static void add(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	if (!s || zip_file_add(z, name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		abort();
	}
}

#define R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define S "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
static const char WORKBOOK[] =
	"<workbook xmlns=\"" S "\" xmlns:r=\"" R "\"><workbookPr date1904=\"0\"/><sheets>"
	"<sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId2\"/>"
	"<sheet name=\"Activité\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>";
static const char STRINGS[] =
	"<sst xmlns=\"" S "\"><si><t>id</t></si><si><r><t>da</t></r><r><t>te</t></r>"
	"<rPh><t>x</t></rPh></si><si><t/></si></sst>";
static const char STYLES[] =
	"<styleSheet xmlns=\"" S "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"[Red]dd/mm/yy\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"&quot;d&quot;0.00\"/></numFmts><cellXfs>"
	"<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	"</cellXfs></styleSheet>";

static void write_part(const uint8_t *data, size_t size)
{
	int err = 0;
	bool ods = data[0] & 1;
	zip_t *z = zip_open(ods ? ods_path : xlsx_path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z)
		abort();
	if (ods) {
		add(z, "content.xml", data + 1, size - 1);
	} else {
		add(z, "xl/workbook.xml", WORKBOOK, sizeof WORKBOOK - 1);
		add(z, "xl/_rels/workbook.xml.rels", RELS, sizeof RELS - 1);
		add(z, "xl/sharedStrings.xml", STRINGS, sizeof STRINGS - 1);
		add(z, "xl/styles.xml", STYLES, sizeof STYLES - 1);
		add(z, "xl/worksheets/sheet1.xml", data + 1, size - 1);
	}
	if (zip_close(z) != 0)
		abort();
}

static void read_one(const char *path)
{
	diag_sink *d = diag_sink_create(fz_messages(), 0);
	csv_table *t = sheet_read_file(d, path, "activite");
	if (t) {
		/* Touch every cell, as the loader does. */
		for (size_t r = 0; r < csv_table_nrows(t); r++)
			for (size_t c = 0; c < csv_table_ncols(t); c++)
				(void)strlen(csv_table_cell(t, r, c)->text);
		(void)csv_table_date_system(t);
	}
	csv_table_destroy(t);
	diag_sink_destroy(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!xlsx_path) {
		xlsx_path = xasprintf("%s/activite.xlsx", fz_dir());
		ods_path = xasprintf("%s/activite.ods", fz_dir());
		atexit(free_paths);
	}
	if (size == 0)
		return 0;
	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		fz_write(xlsx_path, data, size);
		fz_write(ods_path, data, size);
		read_one(xlsx_path);
		read_one(ods_path);
	} else {
		write_part(data, size);
		read_one(data[0] & 1 ? ods_path : xlsx_path);
	}
	return 0;
}
