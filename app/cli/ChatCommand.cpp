#include "ChatCommand.h"
