#include "LoopbackServer.h"
