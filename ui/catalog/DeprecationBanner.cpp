#include "DeprecationBanner.h"
