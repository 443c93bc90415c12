#include "UsageView.h"
