#include "ToolCallListModel.h"
