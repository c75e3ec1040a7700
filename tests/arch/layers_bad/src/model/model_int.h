#include "model_int.h"
