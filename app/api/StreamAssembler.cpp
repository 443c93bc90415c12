#include "StreamAssembler.h"
