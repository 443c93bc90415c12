#include "ToolCallInspector.h"
