#include "BuiltinTools.h"
