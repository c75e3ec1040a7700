/* draw_pdfua.c - the post-Cairo step: libqpdf's C API completes the tagged
 * PDF (see draw_pdfua.h and docs/accessibility.md for the clauses).
 *
 * Cairo writes structure elements in the order of cairo_tag_begin, so the
 * Nth Figure (Link) of the tree in pre-order is the Nth one the device
 * began; the device records their texts in that order. A count that does not
 * match is a producer bug and fails the write rather than attach a text to
 * the wrong figure. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "draw_pdfua.h"
#include "util.h"

typedef struct {
	qpdf_data q;
	const pdfua_info *info;
	size_t figures, links, depth_errors;
} walk;

static void set(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh v)
{
	qpdf_oh_replace_key(q, dict, key, v);
	qpdf_oh_release(q, v);
}

static void walk_elem(walk *w, qpdf_oh e, int depth)
{
	qpdf_data q = w->q;
	if (depth > 200) { /* a cycle in a damaged tree */
		w->depth_errors++;
		return;
	}
	if (qpdf_oh_is_array(q, e)) {
		int n = qpdf_oh_get_array_n_items(q, e);
		for (int j = 0; j < n; j++) {
			qpdf_oh kid = qpdf_oh_get_array_item(q, e, j);
			walk_elem(w, kid, depth + 1);
			qpdf_oh_release(q, kid);
		}
		return;
	}
	if (!qpdf_oh_is_dictionary(q, e))
		return;
	qpdf_oh s = qpdf_oh_get_key(q, e, "/S");
	bool fig = qpdf_oh_is_name_and_equals(q, s, "/Figure");
	bool link = qpdf_oh_is_name_and_equals(q, s, "/Link");
	if (qpdf_oh_is_name_and_equals(q, s, "/TH")) {
		/* Récit's tables have one header row: each TH heads its column
		 * (PDF/UA-1 7.5). */
		qpdf_oh a = qpdf_oh_new_dictionary(q);
		set(q, a, "/O", qpdf_oh_new_name(q, "/Table"));
		set(q, a, "/Scope", qpdf_oh_new_name(q, "/Column"));
		set(q, e, "/A", a);
	}
	qpdf_oh_release(q, s);
	qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
	if (fig) {
		size_t i = w->figures++;
		if (i < w->info->n_figures && w->info->figure_alt[i] && *w->info->figure_alt[i])
			set(q, e, "/Alt", qpdf_oh_new_unicode_string(q, w->info->figure_alt[i]));
	}
	if (link) {
		size_t i = w->links++;
		const char *text = i < w->info->n_links ? w->info->link_text[i] : NULL;
		if (text && *text)
			set(q, e, "/Alt", qpdf_oh_new_unicode_string(q, text));
		/* The annotation is the OBJR kid's /Obj: it takes the same
		 * description as /Contents (PDF/UA-1 7.18.5). */
		int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
		for (int j = 0; j < n && text; j++) {
			qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, j)
							     : qpdf_oh_new_object(q, k);
			if (qpdf_oh_is_dictionary(q, kid) && qpdf_oh_has_key(q, kid, "/Obj")) {
				qpdf_oh annot = qpdf_oh_get_key(q, kid, "/Obj");
				if (qpdf_oh_is_dictionary(q, annot))
					set(q, annot, "/Contents", qpdf_oh_new_unicode_string(q, text));
				qpdf_oh_release(q, annot);
			}
			qpdf_oh_release(q, kid);
		}
	}
	walk_elem(w, k, depth + 1);
	qpdf_oh_release(q, k);
}

/* Keys of a dictionary, copied (qpdf has one key iterator per document). */
static char **dict_keys(qpdf_data q, qpdf_oh d, size_t *n)
{
	char **keys = NULL;
	*n = 0;
	if (!qpdf_oh_is_dictionary(q, d))
		return NULL;
	qpdf_oh_begin_dict_key_iter(q, d);
	while (qpdf_oh_dict_more_keys(q)) {
		keys = xreallocarray(keys, *n + 1, sizeof *keys);
		keys[(*n)++] = xstrdup(qpdf_oh_dict_next_key(q));
	}
	return keys;
}

/* PDF/UA-1 7.21.3.2, PDF/A-2 6.2.11.3.2: a CIDFontType2 needs /CIDToGIDMap;
 * Cairo's subsets use glyph ids as CIDs. */
static void fix_fonts(qpdf_data q, qpdf_oh page)
{
	qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
	qpdf_oh fonts = qpdf_oh_get_key_if_dict(q, res, "/Font");
	size_t n;
	char **keys = dict_keys(q, fonts, &n);
	for (size_t i = 0; i < n; i++) {
		qpdf_oh f = qpdf_oh_get_key(q, fonts, keys[i]);
		qpdf_oh desc = qpdf_oh_get_key_if_dict(q, f, "/DescendantFonts");
		if (qpdf_oh_is_array(q, desc) && qpdf_oh_get_array_n_items(q, desc) > 0) {
			qpdf_oh cid = qpdf_oh_get_array_item(q, desc, 0);
			qpdf_oh st = qpdf_oh_get_key_if_dict(q, cid, "/Subtype");
			if (qpdf_oh_is_name_and_equals(q, st, "/CIDFontType2") &&
			    !qpdf_oh_has_key(q, cid, "/CIDToGIDMap"))
				set(q, cid, "/CIDToGIDMap", qpdf_oh_new_name(q, "/Identity"));
			qpdf_oh_release(q, st);
			qpdf_oh_release(q, cid);
		}
		qpdf_oh_release(q, desc);
		qpdf_oh_release(q, f);
		free(keys[i]);
	}
	free(keys);
	qpdf_oh_release(q, fonts);
	qpdf_oh_release(q, res);
}

/* Annotations are printed (PDF/A 6.3.2) and followed in structure order
 * (PDF/UA 7.18.3). */
static void fix_annots(qpdf_data q, qpdf_oh page)
{
	qpdf_oh an = qpdf_oh_get_key(q, page, "/Annots");
	if (qpdf_oh_is_array(q, an) && qpdf_oh_get_array_n_items(q, an) > 0) {
		set(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
		int n = qpdf_oh_get_array_n_items(q, an);
		for (int j = 0; j < n; j++) {
			qpdf_oh a = qpdf_oh_get_array_item(q, an, j);
			if (qpdf_oh_is_dictionary(q, a))
				set(q, a, "/F", qpdf_oh_new_integer(q, 4));
			qpdf_oh_release(q, a);
		}
	}
	qpdf_oh_release(q, an);
}

static qpdf_oh new_stream(qpdf_data q, const void *data, size_t len);

/* The page's content with what Cairo left unmarked as artifacts. */
static void artifacts(qpdf_data q, qpdf_oh page, int index, char **err)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	if (qpdf_oh_get_page_content_data(q, page, &buf, &len) & QPDF_ERRORS) {
		free(buf);
		return; /* reported by failed() */
	}
	strbuf out = {0};
	size_t n;
	if (artifact_wrap(buf, len, &out, &n) != 0)
		*err = xasprintf("page %d: unbalanced marked content", index + 1);
	else if (n > 0) {
		qpdf_oh s = new_stream(q, out.data, out.len);
		set(q, page, "/Contents", s);
	}
	free(buf);
	strbuf_free(&out);
}

static void xml_text(strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': strbuf_puts(b, "&lt;"); break;
		case '>': strbuf_puts(b, "&gt;"); break;
		case '&': strbuf_puts(b, "&amp;"); break;
		default:
			/* XML 1.0 forbids most control characters. */
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				strbuf_putc(b, *s);
		}
	}
}

#define PRODUCER "Récit (cairo, libqpdf)"

/* XMP: the same title, author, dates and producer as /Info (PDF/A-2
 * 6.6.2.2), the PDF/A and PDF/UA identifications, and the extension schema
 * that declares pdfuaid (PDF/A-2 6.6.2.3.1). No bytes= or encoding= in the
 * packet header (6.6.2.1). */
static char *xmp(const pdfua_info *in, const char *date)
{
	strbuf b = {0};
	strbuf_puts(&b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
			"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
			"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			"<rdf:Description rdf:about=\"\"\n"
			" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
			" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
			" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
			" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
			" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
			" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
			" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
			" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
	strbuf_puts(&b, "<dc:format>application/pdf</dc:format>\n");
	if (in->title) {
		strbuf_puts(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(&b, in->title);
		strbuf_puts(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (in->author) {
		strbuf_puts(&b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&b, in->author);
		strbuf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (in->subject) {
		strbuf_puts(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(&b, in->subject);
		strbuf_puts(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (in->keywords) {
		strbuf_puts(&b, "<pdf:Keywords>");
		xml_text(&b, in->keywords);
		strbuf_puts(&b, "</pdf:Keywords>\n");
	}
	if (in->lang) {
		strbuf_puts(&b, "<dc:language><rdf:Bag><rdf:li>");
		xml_text(&b, in->lang);
		strbuf_puts(&b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	strbuf_printf(&b,
		      "<xmp:CreateDate>%sT00:00:00Z</xmp:CreateDate>\n"
		      "<xmp:ModifyDate>%sT00:00:00Z</xmp:ModifyDate>\n"
		      "<xmp:MetadataDate>%sT00:00:00Z</xmp:MetadataDate>\n"
		      "<xmp:CreatorTool>Récit</xmp:CreatorTool>\n"
		      "<pdf:Producer>" PRODUCER "</pdf:Producer>\n"
		      "<pdfaid:part>2</pdfaid:part>\n"
		      "<pdfaid:conformance>U</pdfaid:conformance>\n"
		      "<pdfuaid:part>1</pdfuaid:part>\n",
		      date, date, date);
	strbuf_puts(&b,
		    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
		    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
		    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
		    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
		    "<pdfaProperty:name>part</pdfaProperty:name>\n"
		    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
		    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
		    "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is "
		    "followed</pdfaProperty:description>\n"
		    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
		    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
		    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return strbuf_detach(&b);
}

static qpdf_oh new_stream(qpdf_data q, const void *data, size_t len)
{
	qpdf_oh s = qpdf_oh_new_stream(q);
	/* No filter yet: qpdf compresses new streams on write. */
	qpdf_oh none = qpdf_oh_new_null(q);
	qpdf_oh_replace_stream_data(q, s, (const unsigned char *)data, len, none, none);
	qpdf_oh_release(q, none);
	return s;
}

static void catalog(qpdf_data q, const pdfua_info *in, const char *date)
{
	qpdf_oh root = qpdf_get_root(q);
	set(q, root, "/Lang", qpdf_oh_new_unicode_string(q, in->lang ? in->lang : "fr-FR"));
	qpdf_oh mi = qpdf_oh_new_dictionary(q);
	set(q, mi, "/Marked", qpdf_oh_new_bool(q, 1));
	set(q, root, "/MarkInfo", mi);
	qpdf_oh vp = qpdf_oh_new_dictionary(q);
	set(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, 1));
	set(q, root, "/ViewerPreferences", vp);

	char *x = xmp(in, date);
	qpdf_oh meta = new_stream(q, x, strlen(x));
	free(x);
	qpdf_oh md = qpdf_oh_get_dict(q, meta);
	set(q, md, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	set(q, md, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_release(q, md);
	set(q, root, "/Metadata", meta);

	qpdf_oh icc = new_stream(q, recit_srgb_icc, recit_srgb_icc_len);
	qpdf_oh id = qpdf_oh_get_dict(q, icc);
	set(q, id, "/N", qpdf_oh_new_integer(q, 3));
	qpdf_oh_release(q, id);
	qpdf_oh oi = qpdf_oh_new_dictionary(q);
	set(q, oi, "/Type", qpdf_oh_new_name(q, "/OutputIntent"));
	set(q, oi, "/S", qpdf_oh_new_name(q, "/GTS_PDFA1"));
	set(q, oi, "/OutputConditionIdentifier", qpdf_oh_new_unicode_string(q, "sRGB IEC61966-2.1"));
	set(q, oi, "/RegistryName", qpdf_oh_new_unicode_string(q, "http://www.color.org"));
	set(q, oi, "/Info", qpdf_oh_new_unicode_string(q, "sRGB IEC61966-2.1"));
	set(q, oi, "/DestOutputProfile", icc);
	qpdf_oh ois = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, ois, oi);
	qpdf_oh_release(q, oi);
	set(q, root, "/OutputIntents", ois);
	qpdf_oh_release(q, root);
}

/* /Info keys as PDF text strings (qpdf_set_info_key would copy UTF-8 bytes
 * as PDFDocEncoding), dates with the D: prefix Cairo leaves out. */
static void info_dict(qpdf_data q, const pdfua_info *in, const char *date)
{
	qpdf_oh tr = qpdf_get_trailer(q);
	qpdf_oh info = qpdf_oh_get_key(q, tr, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		qpdf_oh_release(q, info);
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, tr, "/Info", info);
	}
	if (in->title)
		set(q, info, "/Title", qpdf_oh_new_unicode_string(q, in->title));
	if (in->author)
		set(q, info, "/Author", qpdf_oh_new_unicode_string(q, in->author));
	if (in->subject)
		set(q, info, "/Subject", qpdf_oh_new_unicode_string(q, in->subject));
	if (in->keywords)
		set(q, info, "/Keywords", qpdf_oh_new_unicode_string(q, in->keywords));
	set(q, info, "/Creator", qpdf_oh_new_unicode_string(q, "Récit"));
	set(q, info, "/Producer", qpdf_oh_new_unicode_string(q, PRODUCER));
	char d[40];
	snprintf(d, sizeof d, "D:%.4s%.2s%.2s000000Z", date, date + 5, date + 8);
	set(q, info, "/CreationDate", qpdf_oh_new_unicode_string(q, d));
	set(q, info, "/ModDate", qpdf_oh_new_unicode_string(q, d));
	qpdf_oh_release(q, info);
	qpdf_oh_release(q, tr);
}

static bool failed(qpdf_data q, char **err)
{
	if (!qpdf_has_error(q))
		return false;
	*err = xstrdup(qpdf_get_error_full_text(q, qpdf_get_error(q)));
	return true;
}

int pdfua_complete(const unsigned char *in, size_t n, const pdfua_info *info, unsigned char **out,
		   size_t *out_len, char **err)
{
	*out = NULL;
	*out_len = 0;
	*err = NULL;
	const char *date = info->date_iso && strlen(info->date_iso) == 10 ? info->date_iso
									  : "2000-01-01";
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, 1);
	int rc = -1;
	if (qpdf_read_memory(q, "cairo", (const char *)in, (unsigned long long)n, NULL) &
	    QPDF_ERRORS) {
		failed(q, err);
		goto done;
	}
	catalog(q, info, date);
	info_dict(q, info, date);

	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh str = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	walk w = {.q = q, .info = info};
	if (qpdf_oh_is_dictionary(q, str)) {
		qpdf_oh k = qpdf_oh_get_key(q, str, "/K");
		walk_elem(&w, k, 0);
		qpdf_oh_release(q, k);
	}
	qpdf_oh_release(q, str);
	qpdf_oh_release(q, root);
	if (w.figures != info->n_figures || w.links != info->n_links || w.depth_errors) {
		*err = xasprintf("the structure tree holds %zu figures and %zu links where %zu and "
				 "%zu were drawn",
				 w.figures, w.links, info->n_figures, info->n_links);
		goto done;
	}

	int np = qpdf_get_num_pages(q);
	for (int i = 0; i < np && !*err; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		fix_fonts(q, page);
		fix_annots(q, page);
		artifacts(q, page, i, err);
		qpdf_oh_release(q, page);
	}
	if (*err)
		goto done;
	if (failed(q, err))
		goto done;

	qpdf_init_write_memory(q);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	qpdf_set_compress_streams(q, 1);
	qpdf_set_stream_data_mode(q, qpdf_s_compress);
	qpdf_set_newline_before_endstream(q, 1);
	qpdf_set_minimum_pdf_version(q, "1.7");
	/* The /ID is a hash of the content: two builds stay byte-identical. */
	qpdf_set_deterministic_ID(q, 1);
	if (qpdf_write(q) & QPDF_ERRORS) {
		failed(q, err);
		goto done;
	}
	*out_len = qpdf_get_buffer_length(q);
	*out = xmalloc(*out_len ? *out_len : 1);
	memcpy(*out, qpdf_get_buffer(q), *out_len);
	rc = 0;
done:
	if (rc && !*err)
		*err = xstrdup("libqpdf failed");
	qpdf_cleanup(&q);
	return rc;
}
