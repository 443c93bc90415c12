#include "ExchangeLog.h"
