#include "ChunkDecoder.h"
