/* libFuzzer target: the safe XML entry point (size, DOCTYPE refusal,
 * syntax errors) on arbitrary bytes. The text of an accepted document is
 * read as the readers do (xmlNodeGetContent), so an entity that slipped
 * through would blow up memory here (regressions/xml/doctype-behind-pi). */
#include <stdint.h>

#include <libxml/parser.h>

#include "xml_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_sink *d = diag_sink_create(NULL, 0);
	xmlDoc *x = xml_read_memory(d, "fuzz.xml", (const char *)data, size, 1 << 20);
	if (x)
		xmlFree(xmlNodeGetContent(xmlDocGetRootElement(x)));
	xmlFreeDoc(x);
	diag_sink_destroy(d);
	return 0;
}
