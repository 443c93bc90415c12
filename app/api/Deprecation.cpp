#include "Deprecation.h"
