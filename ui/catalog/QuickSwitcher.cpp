#include "QuickSwitcher.h"
