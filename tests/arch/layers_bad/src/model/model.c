#include "core.h"
#include <libxml/tree.h>
#include <cairo.h>
