#include "ToolSchema.h"
