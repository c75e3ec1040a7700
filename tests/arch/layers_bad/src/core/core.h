#include <stdio.h>
#include "core.h"
