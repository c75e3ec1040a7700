#include "model.h"
#include "typeset.h"
#include "model_int.h"
#include "../core/core.h"
#include <mystery.h>
#include "nowhere.h"
