#include "SseDecodeCommand.h"
