/* model_int.h - what the files of the model library share and nobody else
 * sees. */
#ifndef RECIT_MODEL_INT_H
#define RECIT_MODEL_INT_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "model.h"

/* Read the element n of recit.xml (file) if it is one of the year's facts
 * (<reseau>, <histoire>, <ateliers>: model_year.c); returns false when n is
 * none of them. */
bool model_year_element(diag_sink *d, model *m, const char *file, xmlNode *n);
/* Read lieux.csv (ville;latitude;longitude), file being its interned path. */
void model_year_load_places(diag_sink *d, model *m, const char *file);
/* Release what model_year_element read. */
void model_year_free(model_year *y);

#endif
