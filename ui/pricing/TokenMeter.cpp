#include "TokenMeter.h"
