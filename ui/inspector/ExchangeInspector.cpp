#include "ExchangeInspector.h"
