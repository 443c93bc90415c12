#include "SseDecoder.h"
