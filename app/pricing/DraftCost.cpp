#include "DraftCost.h"
