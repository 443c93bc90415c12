#include "ServerSignals.h"
