#include "ToolsEditor.h"
