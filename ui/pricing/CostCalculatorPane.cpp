#include "CostCalculatorPane.h"
